package org.distprop.reports.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.distprop.store.Manifest;
import org.distprop.store.RecordFiles;
import org.distprop.store.RecordPath;
import org.distprop.store.Status;

/**
 * One run record of the results store as the reports see it: its directory and its manifest.
 * Every getter reads the manifest written by the harness through the store's schema ({@link Manifest}; the
 * layout is docs/results-store.md); the path ({@link RecordPath#parse}) is only a fallback for records whose
 * manifest does not parse or lacks a key. {@code damage} is why an ok
 * record failed {@link RecordCheck} (null when whole): such a record is not ok and is listed as skipped.
 */
public record RunInfo(Path dir, String relativeDir, JsonNode manifest, String damage) {
    public RunInfo(Path dir, String relativeDir, JsonNode manifest) {
        this(dir, relativeDir, manifest, null);
    }

    public String experiment() {
        return text(Manifest.EXPERIMENT, path().experiment());
    }

    public String dataset() {
        return text(Manifest.DATASET, path().dataset());
    }

    public String method() {
        return text(Manifest.METHOD, path().method());
    }

    public String configHash() {
        return text(Manifest.CONFIG_HASH, path().configHash());
    }

    public long seed() {
        return manifest.path(Manifest.SEED).asLong(path().seed());
    }

    /** The manifest's {@link Status} word; "unknown" for a manifest without one. */
    public String status() {
        return text(Manifest.STATUS, "unknown");
    }

    /** How the report lists the record: its status, or "damaged" when it failed its checks. */
    public String shownStatus() {
        return damage != null ? DAMAGED : status();
    }

    /** Label of records skipped by {@link RecordCheck} (not a {@link Status}: the writer never wrote it). */
    public static final String DAMAGED = "damaged";

    /** Averaged into results: status ok and the record passed its checks. */
    public boolean ok() {
        return Status.OK.is(status()) && damage == null;
    }

    public String profile() {
        return text(Manifest.PROFILE, null);
    }

    public String message() {
        return text(Manifest.MESSAGE, null);
    }

    public String finished() {
        return text(Manifest.FINISHED, "");
    }

    public long steps() {
        return manifest.path(Manifest.STEPS).asLong(-1);
    }

    public double finalValue(String key) {
        JsonNode n = manifest.path(Manifest.FINAL).path(key);
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    public double auxiliaryVariables() {
        JsonNode n = manifest.path(Manifest.AUXILIARY_VARIABLES);
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    public double gradientEvaluationsPerStep() {
        JsonNode n = manifest.path(Manifest.GRADIENT_EVALUATIONS_PER_STEP);
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    public long batchSize() {
        return manifest.path(Manifest.BATCH_SIZE).asLong(-1);
    }

    /** 0 = the whole training split, else that many images per class. */
    public long trainPerClass() {
        return manifest.path(Manifest.TRAIN_PER_CLASS).asLong(0);
    }

    public long testPerClass() {
        return manifest.path(Manifest.TEST_PER_CLASS).asLong(0);
    }

    /** Batches per epoch: ceil(train size / batch size), the harness Batcher's rule; -1 if unknown. */
    public long batchesPerEpoch() {
        double n = trainSize();
        long b = batchSize();
        return Double.isNaN(n) || b <= 0 ? -1 : ((long) n + b - 1) / b;
    }

    public double trainSize() {
        JsonNode n = manifest.path(Manifest.DATA).path(Manifest.DATA_TRAIN_SIZE);
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    public double peakRssBytes() {
        JsonNode n = manifest.path(Manifest.PEAK_RSS_BYTES);
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

    private RecordPath.Parts path() {
        return RecordPath.parse(dir);
    }
}
