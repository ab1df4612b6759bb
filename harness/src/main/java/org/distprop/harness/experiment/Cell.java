package org.distprop.harness.experiment;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.distprop.harness.RunConfig;
import org.distprop.harness.Runner;

/**
 * One unit of work of an experiment: a (dataset, method, config, seed) run. {@code record} is the
 * run record's directory relative to the results root, so a plan can move with its results store.
 */
public record Cell(int index, String experiment, String dataset, String method, Map<String, String> hp, long steps,
                   int batchSize, long evalEvery, int evalBatchSize, long seed, int trainPerClass, int testPerClass,
                   String record) {

    public Cell {
        hp = new TreeMap<>(hp);
    }

    /** The cell as a run: the one place a plan cell becomes a {@link RunConfig}. */
    public RunConfig toRunConfig(int threads, Path dataDir, Path resultsRoot) {
        return toRunConfig(threads, dataDir, resultsRoot, true);
    }

    /** {@code force = false}: the run is refused if its record is already ok (checked under the record's lock). */
    public RunConfig toRunConfig(int threads, Path dataDir, Path resultsRoot, boolean force) {
        Path out = resultsRoot.resolve(record);
        return new RunConfig(experiment, dataset, method, hp, steps, batchSize, evalEvery, evalBatchSize, seed,
                trainPerClass, testPerClass, threads, dataDir, out, force);
    }

    /** Builds a cell and derives its record directory from the results-store layout. */
    static Cell of(int index, String experiment, String dataset, String method, Map<String, String> hp, long steps,
                   int batchSize, long evalEvery, int evalBatchSize, long seed, int trainPerClass, int testPerClass) {
        Cell c = new Cell(index, experiment, dataset, method, hp, steps, batchSize, evalEvery, evalBatchSize, seed,
                trainPerClass, testPerClass, "");
        RunConfig rc = c.toRunConfig(1, null, Path.of(""));
        String rel = Runner.defaultOut(Path.of(""), rc).toString();
        return new Cell(index, experiment, dataset, method, hp, steps, batchSize, evalEvery, evalBatchSize, seed,
                trainPerClass, testPerClass, rel);
    }

    public Cell withIndex(int i) {
        return new Cell(i, experiment, dataset, method, hp, steps, batchSize, evalEvery, evalBatchSize, seed,
                trainPerClass, testPerClass, record);
    }

    /** One line for listings. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%-8s %-15s steps %-6d bs %-5d seed %-3d %s%s", dataset, method, steps,
                batchSize, seed, trainPerClass > 0 ? "train/class " + trainPerClass + " " : "", hp.isEmpty() ? "" : hp);
    }
}
