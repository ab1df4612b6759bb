package org.distprop.reports.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.distprop.store.RecordFiles;
import org.distprop.store.Status;

/**
 * One run record of the results store as the reports see it: its directory and its manifest.
 * Every getter reads the manifest written by the harness (brief: "Results store layout"); the path
 * components are only a fallback for records whose manifest lacks a key. {@code damage} is why an ok
 * record failed {@link RecordCheck} (null when whole): such a record is not ok and is listed as skipped.
 */
public record RunInfo(Path dir, String relativeDir, JsonNode manifest, String damage) {
    public RunInfo(Path dir, String relativeDir, JsonNode manifest) {
        this(dir, relativeDir, manifest, null);
    }

    public String experiment() {
        return text("experiment", component(5));
    }

    public String dataset() {
        return text("dataset", component(4));
    }

    public String method() {
        return text("method", component(3));
    }

    public String configHash() {
        return text("config_hash", component(2));
    }

    public long seed() {
        String c = component(1); // seed-<n>: for a manifest that does not parse
        return manifest.path("seed").asLong(c.startsWith("seed-") && c.substring(5).matches("\\d+") ? Long.parseLong(c.substring(5)) : -1);
    }

    /** The manifest's {@link Status} word; "unknown" for a manifest without one. */
    public String status() {
        return text("status", "unknown");
    }

    /** Averaged into results: status ok and the record passed its checks. */
    /** How the report lists the record: its status, or "damaged" when it failed its checks. */
    public String shownStatus() {
        return damage != null ? DAMAGED : status();
    }

    /** Label of records skipped by {@link RecordCheck} (not a {@link Status}: the writer never wrote it). */
    public static final String DAMAGED = "damaged";

    public boolean ok() {
        return Status.OK.is(status()) && damage == null;
    }

    public String profile() {
        return text("profile", null);
    }

    public String message() {
        return text("message", null);
    }

    public String finished() {
        return text("finished", "");
    }

    public long steps() {
        return manifest.path("steps").asLong(-1);
    }

    public double finalValue(String key) {
        JsonNode n = manifest.path("final").path(key);
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    public double auxiliaryVariables() {
        JsonNode n = manifest.path("auxiliary_variables");
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    public double gradientEvaluationsPerStep() {
        JsonNode n = manifest.path("gradient_evaluations_per_step");
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    public long batchSize() {
        return manifest.path("batch_size").asLong(-1);
    }

    /** 0 = the whole training split (manifest key train_per_class), else that many images per class. */
    public long trainPerClass() {
        return manifest.path("train_per_class").asLong(0);
    }

    public long testPerClass() {
        return manifest.path("test_per_class").asLong(0);
    }

    /** Batches per epoch: ceil(train size / batch size), the harness Batcher's rule; -1 if unknown. */
    public long batchesPerEpoch() {
        double n = trainSize();
        long b = batchSize();
        return Double.isNaN(n) || b <= 0 ? -1 : ((long) n + b - 1) / b;
    }

    public double trainSize() {
        JsonNode n = manifest.path("data").path("train_size");
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    public double peakRssBytes() {
        JsonNode n = manifest.path("peak_rss_bytes");
        return n.isNumber() && n.asDouble() > 0 ? n.asDouble() : Double.NaN;
    }

    public Path trace() {
        return dir.resolve(RecordFiles.TRACE);
    }

    public Path eval() {
        return dir.resolve(RecordFiles.EVAL);
    }

    /** "seed 3 (diverged: loss is NaN at step 40)" - how excluded runs are listed. */
    public String describeExclusion() {
        if (damage != null) {
            return "seed " + seed() + " skipped, damaged record: " + damage + " [" + relativeDir + "]";
        }
        String m = message();
        return "seed " + seed() + " " + status() + (m == null ? "" : ": " + m) + " [" + relativeDir + "]";
    }

    private String text(String key, String fallback) {
        JsonNode n = manifest.path(key);
        return n.isValueNode() && !n.isNull() ? n.asText() : fallback;
    }

    /** Path component counted from the end: 1 = seed-n, 2 = config hash, 3 = method, ... */
    private String component(int fromEnd) {
        int n = dir.getNameCount();
        return n >= fromEnd ? dir.getName(n - fromEnd).toString() : "?";
    }
}
