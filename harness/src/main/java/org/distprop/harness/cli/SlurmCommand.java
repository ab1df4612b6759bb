package org.distprop.harness.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import org.distprop.harness.UserError;
import org.distprop.harness.experiment.ExperimentSpec;
import org.distprop.harness.experiment.Plan;
import org.distprop.harness.experiment.SlurmScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "slurm", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write the plan of a spec and an 'sbatch --array' script with one task per cell "
                + "(each task: run-cell --plan <plan> --index $SLURM_ARRAY_TASK_ID).")
public final class SlurmCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "built-in spec name or path of a spec .yaml")
    String spec;

    @Option(names = "--profile", defaultValue = "paper", description = "ci, quick, early (fig2, fig3, table1: the paper protocol for ~10 epochs) or paper (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--results", defaultValue = "results", description = "results store root, on storage the nodes share (default: ${DEFAULT-VALUE})")
    Path results;

    @Option(names = "--out", description = "script path (default: <results>/<experiment>/slurm-<profile>-<hash>.sh, named as its plan)")
    Path out;

    @Option(names = "--throttle", description = "max array tasks running at once (default: the profile's throttle, else none)")
    Integer throttle;

    @Option(names = "--time", description = "per-task time limit HH:MM:SS (default: the profile's time_limit)")
    String time;

    @Option(names = "--cpus-per-task", defaultValue = "4", description = "CPUs per task = TensorFlow threads (default: ${DEFAULT-VALUE})")
    int cpus;

    @Option(names = "--mem", defaultValue = "16G", description = "memory per task (default: ${DEFAULT-VALUE})")
    String mem;

    @Option(names = "--partition", description = "Slurm partition")
    String partition;

    @Option(names = "--gpus", defaultValue = "0", description = "GPUs per task (needs the gpu build: mvn -Pgpu) (default: ${DEFAULT-VALUE})")
    int gpus;

    @Option(names = "--data-dir", description = "dataset cache the nodes can read")
    Path dataDir;

    @picocli.CommandLine.Mixin
    DebugOption debugOption = new DebugOption();

    @Override
    public Integer call() throws IOException {
        ExperimentSpec s = ExperimentSpec.load(spec);
        ExperimentSpec.Expansion e = s.expand(profile);
        if (e.sweep() != null && e.cells().isEmpty()) {
            throw new UserError(s.name() + " is a sweep: its trials depend on each other, so it is not an array job; run "
                    + "'distprop experiment " + spec + " --profile " + profile + "' in one Slurm job instead");
        }
        if (time != null && !time.matches("(\\d+-)?\\d{1,3}:\\d{2}:\\d{2}")) {
            throw new UserError("--time must look like HH:MM:SS or D-HH:MM:SS, got '" + time + "'");
        }
        Plan plan = e.plan();
        Path planFile = plan.file(results);
        plan.write(planFile);
        // named as its plan (plan-<profile>-<hash>.json): two specs of one experiment name keep two scripts
        Path script = out != null ? out
                : planFile.resolveSibling(planFile.getFileName().toString().replaceFirst("^plan-", "slurm-").replaceFirst("\\.json$", ".sh"));
        String text = SlurmScript.render(plan, planFile, results, new SlurmScript.Options(
                throttle != null ? throttle : e.throttle(), time != null ? time : e.timeLimit(), cpus, mem, partition, gpus, dataDir));
        Files.createDirectories(script.toAbsolutePath().getParent());
        Files.writeString(script, text, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException ignored) {
            // not POSIX
        }
        System.out.printf("%s (%s profile): %d array tasks; plan %s; script %s%nsubmit with: sbatch %s%n", s.name(), profile,
                plan.cells().size(), planFile, script, script);
        return 0;
    }
}
