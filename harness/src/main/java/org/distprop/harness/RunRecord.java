package org.distprop.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.distprop.methods.BlockDefect;
import org.distprop.methods.Evaluation;
import org.distprop.methods.StepMetrics;
import org.distprop.store.Manifest;
import org.distprop.store.RecordFiles;
import org.distprop.store.Status;

/**
 * The one writer of run records (architecture.md "One run = one record"): manifest.json, trace.csv,
 * eval.csv in one directory. While the run is going the CSVs are {@code *.csv.partial} and the
 * manifest says {@code running}; only {@link #finish} renames them and writes the final status, each
 * file replaced atomically, so a killed run never leaves a record that looks complete. The partial
 * trace is flushed at every evaluation and at least every {@link #TRACE_FLUSH_NANOS}, so a killed run
 * loses at most a few seconds of trace rows. A run resumed from a checkpoint ({@link #resume}) keeps the
 * rows up to the checkpoint's step, drops any written after it (and a torn last line), and appends; the
 * record still says {@code running} until {@link #finish}.
 */
public final class RunRecord implements AutoCloseable {
    public static final String MANIFEST = RecordFiles.MANIFEST;
    public static final String TRACE = RecordFiles.TRACE;
    public static final String EVAL = RecordFiles.EVAL;
    private static final String PARTIAL = RecordFiles.PARTIAL;
    /** Trace columns that hold wall-clock times; excluded when comparing traces for determinism. */
    public static final List<String> TIMING_COLUMNS = RecordFiles.TRACE_TIMING;
    /** Longest time a written trace row stays in the writer's buffer (one flush per step costs a syscall). */
    static final long TRACE_FLUSH_NANOS = 5_000_000_000L;

    private final Path dir;
    private final Map<String, Object> manifest;
    private CSVPrinter trace;
    private final CSVPrinter eval;
    private int defectBlocks = -1;
    private long lastTraceFlush = System.nanoTime();

    private RunRecord(Path dir, Map<String, Object> manifest) throws IOException {
        this.dir = dir;
        this.manifest = manifest;
        this.eval = printer(dir.resolve(EVAL + PARTIAL), RecordFiles.EVAL_COLUMNS);
    }

    /** A record continuing the rows already in {@code dir}'s partial CSVs (see {@link #resume}). */
    private RunRecord(Path dir, Map<String, Object> manifest, boolean hasTrace) throws IOException {
        this.dir = dir;
        this.manifest = manifest;
        this.eval = appender(dir.resolve(EVAL + PARTIAL));
        if (hasTrace) {
            String header = Files.readAllLines(dir.resolve(TRACE + PARTIAL), StandardCharsets.UTF_8).get(0);
            this.defectBlocks = (int) java.util.Arrays.stream(header.split(",")).filter(h -> h.endsWith("_mean_abs_defect")).count();
            this.trace = appender(dir.resolve(TRACE + PARTIAL));
        }
    }

    /**
     * Reopens the record in {@code dir} to continue after a checkpoint at {@code step}: trace and eval
     * (partial or, after an interrupted/failed finish, final) keep their header and the rows with steps up
     * to {@code step}, in increasing order and complete, and are appended to from there. Throws
     * IllegalStateException when the trace does not reach {@code step} (the checkpoint does not belong to
     * these rows), leaving the files as they were.
     */
    public static RunRecord resume(Path dir, Map<String, Object> manifest, long step) {
        try {
            List<String> trace = keptRows(dir, TRACE, step);
            List<String> eval = keptRows(dir, EVAL, step);
            long lastTraced = trace == null || trace.size() < 2 ? 0 : stepOf(trace.get(trace.size() - 1));
            if (lastTraced != step) {
                throw new IllegalStateException("the trace ends at step " + lastTraced + ", not at the checkpoint's step " + step);
            }
            if (eval == null) {
                eval = List.of(String.join(",", RecordFiles.EVAL_COLUMNS));
            }
            rewrite(dir, EVAL, eval);
            if (trace != null) {
                rewrite(dir, TRACE, trace);
            }
            Files.deleteIfExists(dir.resolve(TRACE));
            Files.deleteIfExists(dir.resolve(EVAL));
            Map<String, Object> m = new LinkedHashMap<>(manifest);
            m.put(Manifest.STATUS, Status.RUNNING.wire());
            RunRecord r = new RunRecord(dir, m, trace != null);
            r.writeManifest();
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Header and rows up to {@code step} of {@code name} (partial if present, else final), or null if neither exists. */
    private static List<String> keptRows(Path dir, String name, long step) throws IOException {
        Path f = Files.exists(dir.resolve(name + PARTIAL)) ? dir.resolve(name + PARTIAL) : dir.resolve(name);
        if (!Files.exists(f)) {
            return null;
        }
        String text = Files.readString(f, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int fields = -1;
        long prev = 0;
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; start = nl + 1, nl = text.indexOf('\n', start)) {
            String line = text.substring(start, nl); // a last line without '\n' is torn: never reached here
            if (fields < 0) {
                fields = line.split(",", -1).length;
                out.add(line);
                continue;
            }
            long s;
            try {
                s = stepOf(line);
            } catch (NumberFormatException e) {
                break;
            }
            if (line.split(",", -1).length != fields || s <= prev || s > step) {
                break;
            }
            out.add(line);
            prev = s;
        }
        return out.isEmpty() ? null : out;
    }

    private static long stepOf(String row) {
        return Long.parseLong(row.substring(0, Math.max(0, row.indexOf(','))));
    }

    private static void rewrite(Path dir, String name, List<String> lines) throws IOException {
        Path tmp = dir.resolve(name + PARTIAL + ".tmp");
        Files.writeString(tmp, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(name + PARTIAL), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static CSVPrinter appender(Path file) throws IOException {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        return new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build());
    }

    /** Writes buffered trace and eval rows to disk (before a checkpoint, so the rows it covers survive a kill). */
    public void flush() {
        try {
            flushTrace();
            eval.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Status of the record in {@code dir}, or null if none (or unreadable, or an unknown word). */
    public static Status status(Path dir) {
        Path m = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(m)) {
            return null;
        }
        try {
            JsonNode n = Json.MAPPER.readTree(m.toFile());
            return Status.of(n.path(Manifest.STATUS).asText(null));
        } catch (IOException e) {
            return null; // unreadable = incomplete
        }
    }

    /** Starts a record: clears old files, writes a {@link Status#RUNNING} manifest. */
    public static RunRecord start(Path dir, Map<String, Object> manifest) {
        try {
            Files.createDirectories(dir);
            for (String f : List.of(MANIFEST, TRACE, EVAL, TRACE + PARTIAL, EVAL + PARTIAL)) {
                Files.deleteIfExists(dir.resolve(f));
            }
            Map<String, Object> m = new LinkedHashMap<>(manifest);
            m.put(Manifest.STATUS, Status.RUNNING.wire());
            RunRecord r = new RunRecord(dir, m);
            r.writeManifest();
            return r;
        } catch (IOException e) {
            throw new UserError("cannot write the run record in " + dir + " (" + e.getMessage() + "); choose another --out");
        }
    }

    public Path dir() {
        return dir;
    }

    public void put(String key, Object value) {
        manifest.put(key, value);
    }

    private static CSVPrinter printer(Path file, List<String> header) throws IOException {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader(header.toArray(String[]::new)).build());
    }

    public void trace(long step, long epoch, StepMetrics m) {
        try {
            if (trace == null) {
                defectBlocks = m.defects().size();
                List<String> header = new ArrayList<>(RecordFiles.TRACE_LEADING);
                for (int b = 0; b < defectBlocks; b++) {
                    header.addAll(List.of("h" + b + "_mean_abs_defect", "h" + b + "_max_abs_defect",
                            "h" + b + "_frac_within_margin", "h" + b + "_multiplier_norm", "h" + b + "_mean_defect"));
                }
                header.addAll(TIMING_COLUMNS);
                trace = printer(dir.resolve(TRACE + PARTIAL), header);
            }
            List<Object> row = new ArrayList<>(List.of(step, epoch, num(m.loss()), num(m.lagrangian())));
            for (BlockDefect d : m.defects()) {
                row.addAll(List.of(num(d.meanAbs()), num(d.maxAbs()), num(d.fractionWithinMargin()), num(d.multiplierNorm()),
                        num(d.signedMean())));
            }
            row.add(String.format(java.util.Locale.ROOT, "%.3f", m.stepMillis()));
            trace.printRecord(row);
            if (System.nanoTime() - lastTraceFlush >= TRACE_FLUSH_NANOS) {
                flushTrace();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void eval(long step, long epoch, Evaluation e) {
        try {
            eval.printRecord(step, epoch, num(e.loss()), num(e.top1()), num(e.top5()));
            eval.flush();
            flushTrace(); // the trace up to an evaluation survives a kill along with it
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void flushTrace() throws IOException {
        if (trace != null) {
            trace.flush();
        }
        lastTraceFlush = System.nanoTime();
    }

    /** Full precision, locale-independent, "nan" for missing values. */
    static String num(double v) {
        return Double.isNaN(v) ? "nan" : Double.toString(v);
    }

    /** Closes the CSVs, moves them into place and writes the manifest with its final status. */
    public void finish(Status status, String message) {
        try {
            closeCsv();
            if (status != Status.INTERRUPTED) { // an interrupted record keeps *.partial: it is not complete
                if (trace != null) {
                    move(TRACE);
                }
                move(EVAL);
            }
            manifest.put(Manifest.STATUS, status.wire());
            if (message != null) {
                manifest.put(Manifest.MESSAGE, message);
            }
            writeManifest();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void move(String name) throws IOException {
        Files.move(dir.resolve(name + PARTIAL), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void closeCsv() throws IOException {
        if (trace != null) {
            trace.close();
        }
        eval.close();
    }

    private void writeManifest() throws IOException {
        Path tmp = dir.resolve(MANIFEST + ".tmp");
        Files.writeString(tmp, Json.write(manifest) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        try {
            closeCsv();
        } catch (IOException ignored) {
            // already finished or the process is going down; the manifest says whether it completed
        }
    }
}
