package org.distprop.harness.sweep;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.distprop.harness.UserError;

/**
 * A sweep's append-only history ({@code results/<experiment>/sweep/history.jsonl}): one JSON line per
 * finished trial, written with one append + fsync, so an interrupted sweep resumes from what is on
 * disk. A torn last line (killed mid-write) is ignored; lines are never rewritten.
 */
public final class SweepHistory {
    private static final ObjectMapper LINE = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Path file;

    public SweepHistory(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public List<Trial> read() {
        List<Trial> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (l.isEmpty()) {
                    continue;
                }
                try {
                    Trial t = LINE.readValue(l, Trial.class);
                    if (t.trial() != out.size()) {
                        throw new UserError(file + ":" + (i + 1) + ": trial " + t.trial() + " out of order (expected "
                                + out.size() + "); the history was edited by hand; move it away to restart the sweep");
                    }
                    out.add(t);
                } catch (IOException e) {
                    if (i == lines.size() - 1) {
                        break; // torn final line of a killed writer: that trial did not finish
                    }
                    throw new UserError(file + ":" + (i + 1) + ": unreadable history line; move the file away to restart the sweep");
                }
            }
            return out;
        } catch (IOException e) {
            throw new UserError("cannot read the sweep history " + file + ": " + e.getMessage());
        }
    }

    public void append(Trial t) {
        try {
            Files.createDirectories(file.getParent());
            dropTornTail();
            byte[] line = (LINE.writeValueAsString(t) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ch.write(java.nio.ByteBuffer.wrap(line));
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UserError("cannot append to the sweep history " + file + ": " + e.getMessage());
        }
    }

    /** A killed writer can leave a last line without its newline; cut it before appending. */
    private void dropTornTail() throws IOException {
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
