package org.distprop.harness.experiment;

import java.nio.file.Path;
import java.util.TreeMap;
import org.distprop.harness.RunConfig;
import org.distprop.harness.RunSpec;
import org.distprop.harness.Runner;

/**
 * One unit of work of an experiment: a run ({@link RunSpec}: dataset, method, config, seed) at its plan index.
 * {@code record} is the run record's directory relative to the results root, so a plan can move with its
 * results store.
 */
public record Cell(int index, RunSpec run, String record) {

    public Cell {
        run = run == null ? null : run.withHyperparams(new TreeMap<>(run.hyperparams())); // plans list hyperparameters sorted
    }

    /** The cell as a run: the one place a plan cell becomes a {@link RunConfig}. */
    public RunConfig toRunConfig(int threads, Path dataDir, Path resultsRoot) {
        return toRunConfig(threads, dataDir, resultsRoot, true);
    }

    /** {@code force = false}: the run is refused if its record is already ok (checked under the record's lock). */
    public RunConfig toRunConfig(int threads, Path dataDir, Path resultsRoot, boolean force) {
        return new RunConfig(run, threads, dataDir, resultsRoot.resolve(record), force);
    }

    /** A cell whose record directory is the results-store layout's ({@link Runner#defaultOut}). */
    static Cell of(int index, RunSpec run) {
        return new Cell(index, run, Runner.defaultOut(Path.of(""), run).toString());
    }

    /**
     * The worker log's file name: the record path with '-' for '/', not the plan index, which two specs of one
     * experiment name on one store share (their workers would append to one log).
     */
    public String logFileName() {
        return record.replace('/', '-').replace('\\', '-') + ".log";
    }

    public Cell withIndex(int i) {
        return new Cell(i, run, record);
    }

    /** One line for listings. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%-8s %-15s steps %-6d bs %-5d seed %-3d %s%s", run.dataset(), run.method(),
                run.steps(), run.batchSize(), run.seed(), run.trainPerClass() > 0 ? "train/class " + run.trainPerClass() + " " : "",
                run.hyperparams().isEmpty() ? "" : run.hyperparams());
    }
}
