package org.distprop.harness.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.distprop.harness.RecordUnavailable;
import org.distprop.harness.RunRecord;
import org.distprop.harness.RunResult;
import org.distprop.harness.Runner;
import org.distprop.harness.experiment.Cell;
import org.distprop.harness.experiment.Plan;
import org.distprop.harness.experiment.SharedRecords;
import org.distprop.store.Manifest;
import org.distprop.store.Status;
import org.distprop.harness.StopSignal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run-cell", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run one cell of an experiment plan (what worker processes and Slurm array tasks call). "
                + "A cell whose record is already ok, or is being written by another live process, is skipped; one with an ok record "
                + "of the same run under another experiment (same config hash and seed) copies it; one with a checkpoint "
                + "resumes from it.")
public final class RunCellCommand implements Callable<Integer> {
    @Option(names = "--plan", required = true, description = "plan file written by 'distprop experiment' or 'distprop slurm'")
    Path plan;

    @Option(names = "--index", required = true, description = "cell index in the plan (Slurm: $SLURM_ARRAY_TASK_ID)")
    int index;

    @Option(names = "--results", description = "results store root (default: the plan file's grandparent directory)")
    Path results;

    @Option(names = "--threads", defaultValue = "0", description = "TensorFlow threads; 0 = one per core (default: ${DEFAULT-VALUE})")
    int threads;

    @picocli.CommandLine.Mixin
    DataDirOption dataDir = new DataDirOption();

    @Option(names = "--force", description = "rerun even if the cell's record is ok")
    boolean force;

    @picocli.CommandLine.Mixin
    CheckpointOptions checkpoints = new CheckpointOptions();

    @Option(names = "--quiet", description = "no progress output")
    boolean quiet;

    @Option(names = "--exit-with-parent", hidden = true, description = "exit when the parent process (the runner) dies")
    boolean exitWithParent;

    @Option(names = "--skip-exit-code", hidden = true, defaultValue = "0",
            description = "exit code when the cell is skipped (record ok, or held by another live runner); the worker pool tells skips from runs by it")
    int skipExitCode;

    @picocli.CommandLine.Mixin
    DebugOption debugOption = new DebugOption();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return StopSignal.during(this::runIt); // as early as possible: a SIGTERM from here on stops the run after its first step
    }

    private Integer runIt() {
        if (exitWithParent) {
            watchParent();
        }
        Plan p = Plan.read(plan);
        Cell cell = p.cell(index);
        Path root = results != null ? results : Plan.resultsRootOf(plan);
        Path dir = root.resolve(cell.record());
        if (!force && RunRecord.status(dir) == Status.OK) {
            System.out.printf("cell %d (%s) already ok in %s; skipped%n", index, cell.describe().strip(), dir);
            return skipExitCode;
        }
        Path same = force ? null : SharedRecords.copyIfShared(root, cell, p.profile());
        if (same != null) {
            org.distprop.harness.StoreCatalog.write(root);
            System.out.printf("cell %d (%s) copied from the same run of another experiment, %s; not trained again%n", index,
                    cell.describe().strip(), root.relativize(same));
            return skipExitCode;
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put(Manifest.PROFILE, p.profile());
        Map<String, Object> planInfo = new LinkedHashMap<>();
        planInfo.put("file", plan.toAbsolutePath().toString());
        planInfo.put(Manifest.PLAN_INDEX, index);
        planInfo.put("spec", p.spec());
        extra.put(Manifest.PLAN, planInfo);
        if (p.sweepTrial() != null) {
            extra.put("sweep_trial", p.sweepTrial());
        }
        String slurmJob = System.getenv("SLURM_JOB_ID");
        if (slurmJob != null) {
            extra.put("slurm", Map.of("job_id", slurmJob, "array_task_id", String.valueOf(System.getenv("SLURM_ARRAY_TASK_ID"))));
        }
        RunResult r;
        try {
            r = Runner.run(cell.toRunConfig(threads, dataDir.get(), root, force),
                    List.of(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new)), quiet, extra,
                    checkpoints.toCheckpointing());
        } catch (RecordUnavailable e) { // another runner holds the cell or has just finished it
            System.out.printf("cell %d (%s) skipped: %s%n", index, cell.describe().strip(), e.getMessage());
            return skipExitCode;
        }
        org.distprop.harness.StoreCatalog.write(root);
        System.out.printf("cell %d (%s): %s -> %s%n", index, cell.describe().strip(), r.status(), r.dir());
        return org.distprop.harness.ExitCodes.of(r.status());
    }

    /** A worker orphaned by a killed runner must not keep writing a record that a rerun also writes. */
    private static void watchParent() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent == null) {
            return;
        }
        Thread t = new Thread(() -> {
            while (parent.isAlive()) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("distprop: the runner (pid " + parent.pid() + ") is gone; stopping this cell");
            Runtime.getRuntime().halt(137);
        }, "parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
