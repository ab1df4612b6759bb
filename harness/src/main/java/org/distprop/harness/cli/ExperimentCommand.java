package org.distprop.harness.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.distprop.harness.experiment.ExperimentRunner;
import org.distprop.harness.experiment.ExperimentSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "experiment", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a paper experiment spec (table1, fig2, fig3, fig4, scaling, or a .yaml path) at a scale profile: "
                + "every (dataset, method, config, seed) cell in worker processes, then its sweep. Rerunning resumes: "
                + "cells whose record is ok are skipped, and so are cells another live runner on the same results store is running; "
                + "cells with a checkpoint resume from it (--restart: from step 0). "
                + "SIGTERM/SIGINT stops the running cells with checkpoints (status interrupted) and exits 143/130.")
public final class ExperimentCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "built-in spec name or path of a spec .yaml")
    String spec;

    @Option(names = "--profile", defaultValue = "quick", description = "ci, quick, early (fig2, fig3, table1: the paper protocol for ~10 epochs) or paper (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--jobs", defaultValue = "1", description = "worker processes; each gets cores/jobs TensorFlow threads (default: ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--threads", defaultValue = "0", description = "TensorFlow threads per worker; 0 = cores / jobs (default: ${DEFAULT-VALUE}). "
            + "Traces are bit-identical only at the same thread count.")
    int threads;

    @Option(names = "--dry-run", description = "validate, print the cells and an estimated time, run nothing")
    boolean dryRun;

    @Option(names = "--shard", description = "run only the cells with index mod n == i (i/n), e.g. one slice per machine")
    String shard;

    @Option(names = "--results", defaultValue = "results", description = "results store root (default: ${DEFAULT-VALUE})")
    Path results;

    @picocli.CommandLine.Mixin
    DataDirOption dataDir = new DataDirOption();

    @picocli.CommandLine.Mixin
    CheckpointOptions checkpoints = new CheckpointOptions();

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @picocli.CommandLine.Mixin
    DebugOption debugOption = new DebugOption();

    @Override
    public Integer call() {
        checkpoints.toCheckpointing(); // bad checkpoint values fail here, before anything runs
        ExperimentSpec s = ExperimentSpec.load(spec);
        ExperimentSpec.Expansion e = s.expand(profile); // every spec error surfaces here, before anything runs
        return new ExperimentRunner(e, new ExperimentRunner.Options(profile, jobs, threads, results, dataDir.get(), dryRun,
                ExperimentRunner.Shard.parse(shard), quiet, checkpoints.toArgs()), System.out).run();
    }
}
