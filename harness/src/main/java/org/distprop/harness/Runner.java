package org.distprop.harness;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.distprop.datasets.Batch;
import org.distprop.datasets.Batcher;
import org.distprop.datasets.Batches;
import org.distprop.datasets.DataDir;
import org.distprop.datasets.DataLocations;
import org.distprop.datasets.Dataset;
import org.distprop.datasets.DatasetSpec;
import org.distprop.datasets.Prefetcher;
import org.distprop.datasets.Subsets;
import org.distprop.methods.BlockDefect;
import org.distprop.methods.DatasetInfo;
import org.distprop.methods.Evaluation;
import org.distprop.methods.Hyperparams;
import org.distprop.methods.MethodContext;
import org.distprop.methods.MethodFactory;
import org.distprop.methods.MethodRegistry;
import org.distprop.methods.StepMetrics;
import org.distprop.methods.TrainingMethod;
import org.distprop.store.RecordLock;
import org.distprop.store.Manifest;
import org.distprop.store.RecordPath;
import org.distprop.store.Status;

/**
 * Runs one training run end to end: data → method → run record. Every failure of the run itself is
 * recorded (status diverged or failed) and returned, never thrown at the caller; only bad input
 * (unknown names, bad values, unusable paths) is thrown, before anything is written.
 */
public final class Runner {
    /** Batches built ahead on the prefetch thread: one overlaps the running step, one absorbs jitter. */
    static final int PREFETCH_DEPTH = 2;

    private Runner() {
    }

    /** Checks the config and resolves hyperparameters without touching data or TensorFlow. */
    public static Hyperparams validate(RunConfig c) {
        if (c.run().steps() <= 0) {
            throw new UserError("--steps must be > 0, got " + c.run().steps());
        }
        if (c.run().batchSize() <= 0) {
            throw new UserError("--batch-size must be > 0, got " + c.run().batchSize());
        }
        if (c.run().evalEvery() < 0) {
            throw new UserError("--eval-every must be >= 0 (0 = only at the end), got " + c.run().evalEvery());
        }
        if (c.run().evalBatchSize() <= 0) {
            throw new UserError("--eval-batch-size must be > 0, got " + c.run().evalBatchSize());
        }
        if (c.threads() < 0) {
            throw new UserError("--threads must be >= 0 (0 = one per core), got " + c.threads());
        }
        if (c.run().trainPerClass() < 0 || c.run().testPerClass() < 0) {
            throw new UserError("per-class subset sizes must be >= 0 (0 = the whole split)");
        }
        DatasetSpec.checkName(c.run().dataset());
        try {
            MethodFactory f = MethodRegistry.get(c.run().method());
            return Hyperparams.resolve(c.run().method(), f.hyperparameters(c.run().dataset()), c.run().hyperparams());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    public static RunResult run(RunConfig c, List<String> argv, boolean quiet) {
        return run(c, argv, quiet, Map.of());
    }

    /**
     * As {@link #run(RunConfig, List, boolean)}, with {@code extraManifest} added to the manifest
     * (the experiment runner's profile, plan cell and sweep trial).
     */
    public static RunResult run(RunConfig c, List<String> argv, boolean quiet, Map<String, Object> extraManifest) {
        return run(c, argv, quiet, extraManifest, Checkpointing.DEFAULT);
    }

    /**
     * As {@link #run(RunConfig, List, boolean, Map)}, checkpointing as {@code ck} says. A record folder holding a
     * checkpoint of the same config hash and seed resumes from it (unless {@code ck.restart()}); SIGTERM/SIGINT
     * (while this runs) or {@code ck.stop()} end the run after the current step with a checkpoint and status
     * {@link Status#INTERRUPTED}.
     */
    public static RunResult run(RunConfig c, List<String> argv, boolean quiet, Map<String, Object> extraManifest, Checkpointing ck) {
        Hyperparams hp = validate(c);
        Path out = c.out();
        RecordLock lock;
        try {
            lock = RecordLock.tryAcquire(out).orElseThrow(() -> RecordUnavailable.held(out));
        } catch (java.io.UncheckedIOException e) {
            throw new UserError("cannot write the run record in " + out + " (" + e.getMessage() + "); choose another --out");
        }
        try (lock) { // one writer per record: released when the record is finished (or the process is gone)
            return runLocked(c, argv, quiet, extraManifest, hp, out, ck);
        }
    }

    private static RunResult runLocked(RunConfig c, List<String> argv, boolean quiet, Map<String, Object> extraManifest,
                                       Hyperparams hp, Path out, Checkpointing ck) {
        if (!c.force() && RunRecord.status(out) == Status.OK) {
            throw RecordUnavailable.complete(out);
        }
        StopSignal.install();
        try {
            return train(c, hp, argv, quiet, extraManifest, ck);
        } finally {
            StopSignal.uninstall();
        }
    }

    private static RunResult train(RunConfig c, Hyperparams hp, List<String> argv, boolean quiet, Map<String, Object> extraManifest,
                                   Checkpointing ck) {
        Path out = c.out();
        String configHash = c.run().configHash();
        Checkpoint resumeFrom = null;
        if (ck.restart() || RunRecord.status(out) == Status.OK) {
            Checkpoint.deleteAll(out);
        } else {
            resumeFrom = Checkpoint.latest(out);
            if (resumeFrom != null && (!resumeFrom.configHash().equals(configHash) || resumeFrom.seed() != c.run().seed()
                    || resumeFrom.step() >= c.run().steps())) {
                System.err.printf("distprop: the checkpoint in %s (config %s, seed %d, step %d) is not of this run (config %s, seed %d, %d steps);"
                        + " starting from step 0%n", out, resumeFrom.configHash(), resumeFrom.seed(), resumeFrom.step(), configHash, c.run().seed(), c.run().steps());
                Checkpoint.deleteAll(out);
                resumeFrom = null;
            }
        }
        Path dataDir = DataDir.resolve(c.dataDir());
        Dataset full = DatasetSpec.load(c.run().dataset(), new DataLocations(dataDir, c.cifarDir(), c.imagenetDir()));
        Dataset data = (c.run().trainPerClass() > 0 || c.run().testPerClass() > 0)
                ? Subsets.firstPerClass(full, positiveOr(c.run().trainPerClass()), positiveOr(c.run().testPerClass())) : full;
        checkBatchFits(c, data.train().size());

        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Manifest.EXPERIMENT, c.run().experiment());
        m.put(Manifest.DATASET, c.run().dataset());
        m.put(Manifest.METHOD, c.run().method());
        m.put(Manifest.CONFIG, hp.asMap());
        m.put(Manifest.CONFIG_HASH, configHash);
        m.put(Manifest.SEED, c.run().seed());
        m.put(Manifest.STEPS, c.run().steps());
        m.put(Manifest.BATCH_SIZE, c.run().batchSize());
        m.put(Manifest.EVAL_EVERY, c.run().evalEvery());
        m.put(Manifest.EVAL_BATCH_SIZE, c.run().evalBatchSize());
        m.put(Manifest.TRAIN_PER_CLASS, c.run().trainPerClass());
        m.put(Manifest.TEST_PER_CLASS, c.run().testPerClass());
        m.put(Manifest.DATA, Map.of("source", data.source(), "checksums", data.checksums(), Manifest.DATA_TRAIN_SIZE, data.train().size(),
                "test_size", data.test().size(), "num_classes", data.numClasses(), "shape", data.shape().toString()));
        m.put("argv", argv);
        m.put(Manifest.STARTED, Instant.now().toString());
        m.put(Manifest.PROVENANCE, Provenance.collect(c.threads()));
        m.putAll(extraManifest);

        long t0 = System.nanoTime();
        double wallBefore = 0; // training wall time of earlier sessions of a resumed run
        RunRecord opened = null;
        if (resumeFrom != null) {
            m.put(Manifest.RESUMED_FROM_STEP, resumeFrom.step());
            try {
                opened = RunRecord.resume(out, m, resumeFrom.step());
                wallBefore = resumeFrom.wallSeconds();
            } catch (IllegalStateException e) {
                System.err.printf("distprop: cannot resume from %s (%s); starting from step 0%n", resumeFrom.dir(), e.getMessage());
                m.remove("resumed_from_step");
                Checkpoint.deleteAll(out);
                resumeFrom = null;
            }
        } else {
            Checkpoint.deleteAll(out);
        }
        if (opened == null) {
            opened = RunRecord.start(out, m);
        }
        long first = resumeFrom == null ? 0 : resumeFrom.step();
        Evaluation last = resumeFrom == null ? null : resumeFrom.lastEval();
        try (RunRecord rec = opened) {
            Status status = Status.OK;
            String message = null;
            StepMetrics sm = resumeFrom == null ? null : resumeFrom.lastMetrics();
            long stepsDone = first;
            CheckpointCost cost = new CheckpointCost();
            try (TrainingMethod method = MethodRegistry.get(c.run().method())
                    .create(new MethodContext(DatasetInfo.of(data), hp, c.run().seed(), c.threads()));
                 Progress progress = new Progress(c.run().method() + "/" + c.run().dataset() + " seed " + c.run().seed(), c.run().steps(), quiet)) {
                rec.put(Manifest.AUXILIARY_VARIABLES, method.auxiliaryVariableCount());
                rec.put(Manifest.GRADIENT_EVALUATIONS_PER_STEP, method.gradientEvaluationsPerStep());
                if (resumeFrom != null) {
                    try {
                        method.restoreCheckpoint(resumeFrom.dir());
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("cannot restore the checkpoint " + resumeFrom.dir() + " (" + e.getMessage()
                                + "); rerun with --restart to start from step 0", e);
                    }
                    progress.step(first, "resumed from step " + first);
                }
                Batcher batcher = new Batcher(data.train(), c.run().batchSize(), c.run().seed());
                int batchesPerEpoch = batcher.batchesPerEpoch();
                long lastCheckpoint = System.nanoTime();
                // the next batches are built on a background thread while this step's session runs
                try (Prefetcher prefetch = new Prefetcher(batcher, first, PREFETCH_DEPTH)) {
                    for (long step = first; step < c.run().steps(); step++) {
                        Batch b = prefetch.next();
                        sm = method.step(b);
                        long epoch = step / batchesPerEpoch;
                        rec.trace(step + 1, epoch, sm);
                        stepsDone = step + 1;
                        if (!sm.isFinite()) {
                            status = Status.DIVERGED;
                            message = "training diverged at step " + (step + 1) + " (loss " + sm.loss() + ", lagrangian "
                                    + sm.lagrangian() + "); try smaller learning rates";
                            break;
                        }
                        boolean lastStep = step + 1 == c.run().steps();
                        if (lastStep || (c.run().evalEvery() > 0 && (step + 1) % c.run().evalEvery() == 0)) {
                            last = method.evaluate(Batches.inOrder(data.test(), c.run().evalBatchSize()));
                            rec.eval(step + 1, epoch, last);
                        }
                        progress.step(1, summary(sm, last));
                        if (lastStep) {
                            break;
                        }
                        boolean stop = ck.stop().getAsBoolean();
                        if (stop || ck.due(step + 1, System.nanoTime() - lastCheckpoint)) {
                            rec.flush(); // the rows the checkpoint covers are on disk before it exists
                            cost.write(out, method, step + 1, configHash, c.run().seed(), sm, last, wallBefore + (System.nanoTime() - t0) / 1e9);
                            lastCheckpoint = System.nanoTime();
                        }
                        if (stop) {
                            String sig = StopSignal.signal();
                            status = Status.INTERRUPTED;
                            message = "stopped" + (sig == null ? "" : " by SIG" + sig) + " after step " + (step + 1) + " of " + c.run().steps()
                                    + " with a checkpoint; rerun the same command to resume (--restart starts over)";
                            break;
                        }
                    }
                }
                if (sm != null && status != Status.INTERRUPTED) {
                    Map<String, Object> fin = new LinkedHashMap<>();
                    fin.put(Manifest.FINAL_TRAIN_LOSS, sm.loss());
                    fin.put(Manifest.FINAL_LAGRANGIAN, Double.isNaN(sm.lagrangian()) ? null : sm.lagrangian());
                    fin.put(Manifest.FINAL_MEAN_ABS_DEFECT, sm.defects().isEmpty() ? null : sm.defects().get(0).meanAbs());
                    if (last != null) {
                        fin.put(Manifest.FINAL_TEST_LOSS, last.loss());
                        fin.put(Manifest.FINAL_TEST_TOP1, last.top1());
                        fin.put(Manifest.FINAL_TEST_TOP5, data.numClasses() >= 5 ? last.top5() : null); // top-5 of < 5 classes is trivially 1
                    }
                    rec.put(Manifest.FINAL, fin);
                }
            } catch (UserError e) {
                throw e;
            } catch (RuntimeException e) {
                status = Status.FAILED;
                message = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            double wall = wallBefore + (System.nanoTime() - t0) / 1e9;
            rec.put(Manifest.FINISHED, Instant.now().toString());
            rec.put(Manifest.WALL_SECONDS, wall);
            rec.put(Manifest.STEPS_DONE, stepsDone);
            rec.put(Manifest.PEAK_RSS_BYTES, Provenance.peakRssBytes());
            cost.describe(rec);
            List<String> skipped = data.skippedFiles(); // unreadable images left out (found while decoding)
            rec.put("skipped_files", skipped.size());
            rec.put("skipped_file_names", skipped.subList(0, Math.min(100, skipped.size())));
            if (status == Status.OK || status == Status.DIVERGED) {
                Checkpoint.deleteAll(out); // complete (or deterministically diverged): nothing left to resume
            }
            rec.finish(status, message);
            return new RunResult(status, message, out, last, wall);
        }
    }

    /** A batch larger than the training split would silently shrink to it while the manifest records the asked size. */
    static void checkBatchFits(RunConfig c, int trainSize) {
        if (c.run().batchSize() > trainSize) {
            throw new UserError("--batch-size " + c.run().batchSize() + " is larger than the " + trainSize + " training examples of "
                    + c.run().dataset() + (c.run().trainPerClass() > 0 ? " at --train-per-class " + c.run().trainPerClass() : "")
                    + "; use --batch-size " + trainSize + " or less" + (c.run().trainPerClass() > 0 ? ", or a larger --train-per-class" : ""));
        }
    }

    /** Count, time and size of the checkpoints one session wrote, for the manifest (overhead measurements). */
    private static final class CheckpointCost {
        int count;
        long nanos;
        long bytes;

        void write(Path out, TrainingMethod method, long step, String hash, long seed, StepMetrics sm, Evaluation last, double wall) {
            long t = System.nanoTime();
            bytes = Checkpoint.write(out, method, step, hash, seed, sm, last, wall);
            nanos += System.nanoTime() - t;
            count++;
        }

        void describe(RunRecord rec) {
            if (count > 0) {
                rec.put("checkpoints", Map.of("count", count, "seconds", nanos / 1e9, "last_bytes", bytes));
            }
        }
    }

    private static int positiveOr(int n) {
        return n > 0 ? n : Integer.MAX_VALUE;
    }

    static String summary(StepMetrics sm, Evaluation last) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "loss %.4f", sm.loss()));
        if (!sm.defects().isEmpty()) {
            BlockDefect d = sm.defects().get(0);
            s.append(String.format(Locale.ROOT, " defect %.2e", d.meanAbs()));
        }
        if (last != null) {
            s.append(String.format(Locale.ROOT, " test acc %.4f", last.top1()));
        }
        return s.toString();
    }

    /** Default record directory: {@code <results>/<experiment>/<dataset>/<method>/<config-hash>/seed-<n>}. */
    public static Path defaultOut(Path results, RunSpec r) {
        return RecordPath.of(results, r.experiment(), r.dataset(), r.method(), r.configHash(), r.seed());
    }
}
