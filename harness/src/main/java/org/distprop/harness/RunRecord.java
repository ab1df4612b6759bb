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

/**
 * The one writer of run records (architecture.md "One run = one record"): manifest.json, trace.csv,
 * eval.csv in one directory. While the run is going the CSVs are {@code *.csv.partial} and the
 * manifest says {@code running}; only {@link #finish} renames them and writes the final status, each
 * file replaced atomically, so a killed run never leaves a record that looks complete. The partial
 * trace is flushed at every evaluation and at least every {@link #TRACE_FLUSH_NANOS}, so a killed run
 * loses at most a few seconds of trace rows.
 */
public final class RunRecord implements AutoCloseable {
    public static final String MANIFEST = "manifest.json";
    public static final String TRACE = "trace.csv";
    public static final String EVAL = "eval.csv";
    private static final String PARTIAL = ".partial";
    /** Trace columns that hold wall-clock times; excluded when comparing traces for determinism. */
    public static final List<String> TIMING_COLUMNS = List.of("ms_per_step");
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
        this.eval = printer(dir.resolve(EVAL + PARTIAL), List.of("step", "epoch", "test_loss", "top1", "top5"));
    }

    /** Status of the record in {@code dir}: "ok", "running", "diverged", ..., or null if none. */
    public static String status(Path dir) {
        Path m = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(m)) {
            return null;
        }
        try {
            JsonNode n = Json.MAPPER.readTree(m.toFile());
            return n.path("status").asText(null);
        } catch (IOException e) {
            return null; // unreadable = incomplete
        }
    }

    /** Starts a record: clears old files, writes a "running" manifest. */
    public static RunRecord start(Path dir, Map<String, Object> manifest) {
        try {
            Files.createDirectories(dir);
            for (String f : List.of(MANIFEST, TRACE, EVAL, TRACE + PARTIAL, EVAL + PARTIAL)) {
                Files.deleteIfExists(dir.resolve(f));
            }
            Map<String, Object> m = new LinkedHashMap<>(manifest);
            m.put("status", "running");
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
                List<String> header = new ArrayList<>(List.of("step", "epoch", "loss", "lagrangian"));
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
    public void finish(String status, String message) {
        try {
            closeCsv();
            if (trace != null) {
                move(TRACE);
            }
            move(EVAL);
            manifest.put("status", status);
            if (message != null) {
                manifest.put("message", message);
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
