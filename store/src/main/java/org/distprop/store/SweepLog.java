package org.distprop.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A sweep's append-only history, {@code <results>/<experiment>/sweep/history.jsonl}: one JSON line per finished
 * trial, {@code {"trial", "params", "objective", "status", "record"}}, appended with one write + fsync, never
 * rewritten. The one reader and writer of the format: the harness resumes a sweep from it, the reports draw Fig. 4.
 */
public final class SweepLog {
    /** Folder of the sweep's files below the experiment's directory. */
    public static final String DIR = "sweep";
    public static final String FILE = "history.jsonl";
    private static final ObjectMapper LINE = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One line: the trial number (0, 1, ... in file order), its parameters as passed to the method (strings), the
     * objective (null for a trial that did not end {@link Status#OK}), the trial run's {@link Status} wire string
     * and its record directory relative to the results root. {@code profile} is optional (older lines lack it).
     */
    public record Line(int trial, Map<String, String> params, Double objective, String status, String record,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String profile) {
        public Line(int trial, Map<String, String> params, Double objective, String status, String record) {
            this(trial, params, objective, status, record, null);
        }
    }

    /** Thrown for a line that is not the torn tail of a killed writer: the file was edited or damaged. */
    public static final class Damaged extends Exception {
        public Damaged(String message) {
            super(message);
        }
    }

    private SweepLog() {
    }

    /** The history of the sweep experiment whose directory is {@code experimentDir}. */
    public static Path of(Path experimentDir) {
        return experimentDir.resolve(DIR).resolve(FILE);
    }

    /**
     * The lines of {@code file} (empty if it does not exist), in order. A last line that does not parse is a
     * killed writer's torn line and is dropped; any other bad line, or trial numbers out of order, is {@link Damaged}.
     */
    public static List<Line> read(Path file) throws IOException, Damaged {
        List<Line> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty()) {
                continue;
            }
            Line t;
            try {
                t = LINE.readValue(l, Line.class);
            } catch (IOException e) {
                if (i == lines.size() - 1) {
                    break; // torn final line of a killed writer: that trial did not finish
                }
                throw new Damaged(file + ":" + (i + 1) + ": unreadable history line");
            }
            if (t.trial() != out.size()) {
                throw new Damaged(file + ":" + (i + 1) + ": trial " + t.trial() + " out of order (expected " + out.size() + ")");
            }
            out.add(t);
        }
        return out;
    }

    /** Appends one line (cutting a torn last line first) and forces it to disk. */
    public static void append(Path file, Line line) throws IOException {
        Files.createDirectories(file.getParent());
        dropTornTail(file);
        byte[] bytes = (LINE.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(bytes));
            ch.force(true);
        }
    }

    /** A killed writer can leave a last line without its newline; cut it before appending. */
    private static void dropTornTail(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            return;
        }
        byte[] all = Files.readAllBytes(file);
        if (all[all.length - 1] == '\n') {
            return;
        }
        int cut = all.length - 1;
        while (cut >= 0 && all[cut] != '\n') {
            cut--;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(cut + 1);
        }
    }
}
