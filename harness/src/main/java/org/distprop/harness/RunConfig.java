package org.distprop.harness;

import java.nio.file.Path;
import java.util.Map;

/**
 * One training run, fully specified: everything that determines its results (and hence its config
 * hash) plus where to write it.
 *
 * @param trainPerClass  0 = full training split, else the first n examples of each class
 * @param testPerClass   0 = full test split, else the first n examples of each class
 * @param cifarDir       user copy of CIFAR-10 (official batches dir or JPEG zip); null = env/defaults
 * @param imagenetDir    ImageNet ImageFolder root; null = $DISTPROP_IMAGENET_DIR
 */
public record RunConfig(String experiment, String dataset, String method, Map<String, String> hyperparams,
                        long steps, int batchSize, long evalEvery, int evalBatchSize, long seed,
                        int trainPerClass, int testPerClass, int threads, Path dataDir, Path out, boolean force,
                        Path cifarDir, Path imagenetDir) {

    /** Without user data locations (CIFAR-10/ImageNet found via environment variables and defaults). */
    public RunConfig(String experiment, String dataset, String method, Map<String, String> hyperparams,
                     long steps, int batchSize, long evalEvery, int evalBatchSize, long seed,
                     int trainPerClass, int testPerClass, int threads, Path dataDir, Path out, boolean force) {
        this(experiment, dataset, method, hyperparams, steps, batchSize, evalEvery, evalBatchSize, seed,
                trainPerClass, testPerClass, threads, dataDir, out, force, null, null);
    }

    /** The fields that determine results (not seed, threads or paths), for the record's directory name. */
    public Map<String, Object> identity() {
        return new java.util.TreeMap<>(Map.of(
                "dataset", dataset, "method", method, "hyperparams", new java.util.TreeMap<>(hyperparams),
                "steps", steps, "batch_size", batchSize, "eval_every", evalEvery,
                "train_per_class", trainPerClass, "test_per_class", testPerClass));
    }
}
