package org.distprop.store;

/**
 * The keys of a record's {@code manifest.json} that readers rely on (the harness writes more: argv, provenance,
 * checkpoints, ...; docs/results-store.md lists them all). The harness's writer and the reports' reader both
 * spell a key through these constants, never as a literal.
 */
public final class Manifest {
    // identity: where the record sits (RecordPath) and what it ran
    public static final String EXPERIMENT = "experiment";
    public static final String DATASET = "dataset";
    public static final String METHOD = "method";
    /** The method's hyperparameters, name to value (strings, as passed to the method). */
    public static final String CONFIG = "config";
    /** Hash of everything that determines the results; the record directory's name. */
    public static final String CONFIG_HASH = "config_hash";
    public static final String SEED = "seed";
    public static final String STEPS = "steps";
    public static final String BATCH_SIZE = "batch_size";
    public static final String EVAL_EVERY = "eval_every";
    public static final String EVAL_BATCH_SIZE = "eval_batch_size";
    /** 0 = the whole split, else the first that many examples of each class. */
    public static final String TRAIN_PER_CLASS = "train_per_class";
    public static final String TEST_PER_CLASS = "test_per_class";
    /** Written by plan cells (run-cell): the scale profile of the experiment (ci, quick, early, paper). */
    public static final String PROFILE = "profile";
    /** Written by plan cells: {file, index, spec} of the plan the record belongs to. */
    public static final String PLAN = "plan";
    public static final String PLAN_INDEX = "index";
    /** A record copied from another experiment's: the original's directory relative to the results root. */
    public static final String REUSED_FROM = "reused_from";

    // data
    /** {source, checksums, train_size, test_size, num_classes, shape}. */
    public static final String DATA = "data";
    public static final String DATA_TRAIN_SIZE = "train_size";

    // outcome
    /** A {@link Status} wire string. */
    public static final String STATUS = "status";
    /** Why a record is diverged or failed. */
    public static final String MESSAGE = "message";
    public static final String STARTED = "started";
    public static final String FINISHED = "finished";
    public static final String WALL_SECONDS = "wall_seconds";
    public static final String STEPS_DONE = "steps_done";
    public static final String RESUMED_FROM_STEP = "resumed_from_step";
    public static final String PEAK_RSS_BYTES = "peak_rss_bytes";
    public static final String AUXILIARY_VARIABLES = "auxiliary_variables";
    public static final String GRADIENT_EVALUATIONS_PER_STEP = "gradient_evaluations_per_step";
    /** The last step's metrics and the last evaluation: the {@code FINAL_*} keys. */
    public static final String FINAL = "final";
    public static final String FINAL_TRAIN_LOSS = "train_loss";
    public static final String FINAL_LAGRANGIAN = "lagrangian";
    public static final String FINAL_MEAN_ABS_DEFECT = "mean_abs_defect";
    public static final String FINAL_TEST_LOSS = "test_loss";
    public static final String FINAL_TEST_TOP1 = "test_top1";
    public static final String FINAL_TEST_TOP5 = "test_top5";
    /** The {@code final} key of an eval.csv metric ("top1" -> "test_top1"). */
    public static String finalTest(String evalColumn) {
        return "test_" + evalColumn;
    }

    /** Code, runtime, machine; {@code provenance.env} holds the TensorFlow environment, {@code provenance.tf_threads} the threads. */
    public static final String PROVENANCE = "provenance";

    private Manifest() {
    }
}
