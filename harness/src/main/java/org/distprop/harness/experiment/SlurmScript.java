package org.distprop.harness.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * An {@code sbatch --array} script with one array task per plan cell. Each task runs
 * {@code run-cell --plan <plan> --index $SLURM_ARRAY_TASK_ID} with this installation's java and
 * class path, so the cluster runs exactly the code that wrote the plan; results land in the shared
 * results store, and a task whose cell is already ok exits at once (resubmitting is a resume).
 * Slurm sends USR1 {@link #WARNING_SECONDS} before the time limit ({@code --signal=B:USR1@...}, to the batch
 * shell only); the script turns it into SIGTERM for the run, which finishes its step, checkpoints and exits
 * 143 (record interrupted), and then requeues the task ({@code --requeue}, {@code scontrol requeue}), which
 * resumes from the checkpoint. A plain SIGTERM (scancel, preemption) reaches the run directly and stops it
 * the same way, without a requeue by the script.
 */
public final class SlurmScript {
    /** Warning before the time limit: time for the current step plus a checkpoint of the largest state. */
    static final int WARNING_SECONDS = 300;

    private SlurmScript() {
    }

    public record Options(int throttle, String timeLimit, int cpusPerTask, String memory, String partition, int gpus,
                          Path dataDir) {
    }

    public static String render(Plan plan, Path planFile, Path resultsRoot, Options o) {
        int n = plan.cells().size();
        if (n == 0) {
            throw new org.distprop.harness.UserError("the plan of " + plan.experiment() + " has no cells (a sweep? run it with 'distprop experiment')");
        }
        String array = "0-" + (n - 1) + (o.throttle() > 0 ? "%" + o.throttle() : "");
        List<String> java = WorkerPool.workerCommand(List.of("run-cell", "--plan", planFile.toAbsolutePath().toString(),
                "--index", "\"$SLURM_ARRAY_TASK_ID\"", "--results", resultsRoot.toAbsolutePath().toString(),
                "--threads", "\"${SLURM_CPUS_PER_TASK:-0}\""));
        if (o.dataDir() != null) {
            java = new java.util.ArrayList<>(java);
            java.add("--data-dir");
            java.add(o.dataDir().toAbsolutePath().toString());
        }
        // one option (with its value) per line
        StringBuilder cmdText = new StringBuilder();
        for (String a : java) {
            String q = a.startsWith("\"") ? a : quote(a);
            boolean newLine = a.startsWith("-") || a.equals("org.distprop.harness.cli.Main") || a.equals("run-cell");
            cmdText.append(cmdText.length() == 0 ? "" : newLine ? " \\\n  " : " ").append(q);
        }
        String cmd = cmdText.toString();
        Path logs = resultsRoot.toAbsolutePath().resolve(plan.experiment()).resolve("slurm");
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/bash\n");
        s.append(String.format(Locale.ROOT, "# %s, %s profile: %d cells, one array task each. Written by 'distprop slurm'.%n",
                plan.experiment(), plan.profile(), n));
        s.append("# Submit: sbatch ").append("<this file>").append("   (resubmitting reruns only cells not ok)\n");
        s.append("#SBATCH --job-name=distprop-").append(plan.experiment()).append('-').append(plan.profile()).append('\n');
        s.append("#SBATCH --array=").append(array).append('\n');
        if (o.timeLimit() != null) {
            s.append("#SBATCH --time=").append(o.timeLimit()).append('\n');
        }
        s.append("#SBATCH --cpus-per-task=").append(o.cpusPerTask()).append('\n');
        if (o.memory() != null) {
            s.append("#SBATCH --mem=").append(o.memory()).append('\n');
        }
        if (o.partition() != null) {
            s.append("#SBATCH --partition=").append(o.partition()).append('\n');
        }
        if (o.gpus() > 0) {
            s.append("#SBATCH --gres=gpu:").append(o.gpus()).append('\n');
        }
        s.append("#SBATCH --output=").append(logs).append("/%A_%a.out\n");
        s.append("#SBATCH --open-mode=append\n");
        s.append("#SBATCH --signal=B:USR1@").append(WARNING_SECONDS).append('\n');
        s.append("#SBATCH --requeue\n");
        s.append("set -euo pipefail\n");
        s.append(": \"${SLURM_ARRAY_TASK_ID:?run this script with sbatch (or set SLURM_ARRAY_TASK_ID to a cell index)}\"\n");
        s.append("mkdir -p ").append(quote(logs.toString())).append('\n');
        s.append(org.distprop.harness.TfEnvironment.shellExports()); // tf.env
        s.append("# the run in the background, so this shell can act on Slurm's time-limit warning (USR1)\n");
        s.append("requeue=0\n");
        s.append(cmd).append(" &\n");
        s.append("pid=$!\n");
        s.append("trap 'requeue=1; kill -TERM \"$pid\" 2>/dev/null || true' USR1\n");
        s.append("trap 'true' TERM INT  # SIGTERM/SIGINT reach the run directly; keep waiting for its checkpoint\n");
        s.append("while :; do\n");
        s.append("  wait \"$pid\" && code=0 || code=$?\n");
        s.append("  kill -0 \"$pid\" 2>/dev/null || break  # wait returned for a signal: the run is still stopping\n");
        s.append("done\n");
        s.append("if [ \"$requeue\" = 1 ] && [ \"$code\" = 143 ]; then\n");
        s.append("  echo \"distprop: time limit near; requeueing ${SLURM_ARRAY_JOB_ID:-$SLURM_JOB_ID}_${SLURM_ARRAY_TASK_ID} to resume from its checkpoint\"\n");
        s.append("  scontrol requeue \"${SLURM_ARRAY_JOB_ID:-$SLURM_JOB_ID}_${SLURM_ARRAY_TASK_ID}\"\n");
        s.append("fi\n");
        s.append("exit \"$code\"\n");
        return s.toString();
    }

    static String quote(String a) {
        return a.matches("[A-Za-z0-9_./:=@%+,-]+") ? a : "'" + a.replace("'", "'\\''") + "'";
    }
}
