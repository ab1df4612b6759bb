package org.distprop.harness.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * An {@code sbatch --array} script with one array task per plan cell. Each task runs
 * {@code run-cell --plan <plan> --index $SLURM_ARRAY_TASK_ID} with this installation's java and
 * class path, so the cluster runs exactly the code that wrote the plan; results land in the shared
 * results store, and a task whose cell is already ok exits at once (resubmitting is a resume).
 */
public final class SlurmScript {
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
        s.append("set -euo pipefail\n");
        s.append(": \"${SLURM_ARRAY_TASK_ID:?run this script with sbatch (or set SLURM_ARRAY_TASK_ID to a cell index)}\"\n");
        s.append("mkdir -p ").append(quote(logs.toString())).append('\n');
        s.append("export TF_CPP_MIN_LOG_LEVEL=\"${TF_CPP_MIN_LOG_LEVEL:-2}\"\n");
        s.append("export TF_ENABLE_ONEDNN_OPTS=\"${TF_ENABLE_ONEDNN_OPTS:-1}\"\n");
        s.append("export TF_DETERMINISTIC_OPS=\"${TF_DETERMINISTIC_OPS:-1}\"\n");
        s.append("exec ").append(cmd).append('\n');
        return s.toString();
    }

    static String quote(String a) {
        return a.matches("[A-Za-z0-9_./:=@%+,-]+") ? a : "'" + a.replace("'", "'\\''") + "'";
    }
}
