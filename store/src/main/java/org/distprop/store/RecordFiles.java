package org.distprop.store;

import java.util.List;
import java.util.stream.Stream;

/**
 * File names inside one run record directory
 * ({@code <results>/<experiment>/<dataset>/<method>/<config-hash>/seed-<n>/}) and the columns every
 * reader may rely on. The harness writes them, the reports read them.
 */
public final class RecordFiles {
    /** Config, seed, {@link Status}, final metrics, provenance; replaced atomically. */
    public static final String MANIFEST = "manifest.json";
    /** One row per training step; renamed from {@code trace.csv.partial} when the run ends. */
    public static final String TRACE = "trace.csv";
    /** One row per evaluation; renamed from {@code eval.csv.partial} when the run ends. */
    public static final String EVAL = "eval.csv";
    /** Suffix of a CSV while its run is going. */
    public static final String PARTIAL = ".partial";
    /** Held by the one process writing the record ({@link RecordLock}). */
    public static final String LOCK = "writer.lock";

    /** trace.csv's first columns; per-split defect columns h&lt;b&gt;_* follow, then {@link #TRACE_TIMING}. */
    public static final List<String> TRACE_LEADING = List.of("step", "epoch", "loss", "lagrangian");
    /** trace.csv's last columns: wall-clock times (excluded when traces are compared for determinism). */
    public static final List<String> TRACE_TIMING = List.of("ms_per_step");
    /** trace.csv columns present in every record. */
    public static final List<String> TRACE_REQUIRED = Stream.concat(TRACE_LEADING.stream(), TRACE_TIMING.stream()).toList();
    /** eval.csv columns, in order. */
    public static final List<String> EVAL_COLUMNS = List.of("step", "epoch", "test_loss", "top1", "top5");

    private RecordFiles() {
    }
}
