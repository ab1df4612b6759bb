package org.distprop.harness;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one training run is: everything that determines its results, plus its experiment and seed, which
 * place its record. A plan cell ({@code experiment.Cell}) and a run's {@link RunConfig} (which adds where and
 * how it runs: threads, paths, force) share it, so the run's identity is written down once.
 *
 * @param hyperparams    the overrides of the method's declared defaults, as given (strings)
 * @param trainPerClass  0 = full training split, else the first n examples of each class
 * @param testPerClass   0 = full test split, else the first n examples of each class
 */
public record RunSpec(String experiment, String dataset, String method, Map<String, String> hyperparams,
                      long steps, int batchSize, long evalEvery, int evalBatchSize, long seed,
                      int trainPerClass, int testPerClass) {

    public RunSpec {
        hyperparams = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparams));
    }

    /** The fields that determine results (not the experiment, seed, threads or paths): the config hash is over them. */
    public Map<String, Object> identity() {
        return new TreeMap<>(Map.of(
                "dataset", dataset, "method", method, "hyperparams", new TreeMap<>(hyperparams),
                "steps", steps, "batch_size", batchSize, "eval_every", evalEvery,
                "train_per_class", trainPerClass, "test_per_class", testPerClass));
    }

    /** The config hash: the record directory's name, and what checkpoints and shared records are matched by. */
    public String configHash() {
        return Json.hash(identity());
    }

    public RunSpec withHyperparams(Map<String, String> hp) {
        return new RunSpec(experiment, dataset, method, hp, steps, batchSize, evalEvery, evalBatchSize, seed, trainPerClass, testPerClass);
    }
}
