package org.distprop.reports.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * One run record of the results store as the reports see it: its directory and its manifest.
 * Every getter reads the manifest written by the harness (brief: "Results store layout"); the path
 * components are only a fallback for records whose manifest lacks a key.
 */
public record RunInfo(Path dir, String relativeDir, JsonNode manifest) {
    public static final String OK = "ok";

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
        return manifest.path("seed").asLong(-1);
    }

    /** ok | diverged | failed | timeout | running; "unknown" for a manifest without one. */
    public String status() {
        return text("status", "unknown");
    }

    public boolean ok() {
        return OK.equals(status());
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
        return dir.resolve("trace.csv");
    }

    public Path eval() {
        return dir.resolve("eval.csv");
    }

    /** "seed 3 (diverged: loss is NaN at step 40)" - how excluded runs are listed. */
    public String describeExclusion() {
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
