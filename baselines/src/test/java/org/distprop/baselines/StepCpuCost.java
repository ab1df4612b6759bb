package org.distprop.baselines;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import org.distprop.datasets.Batcher;
import org.distprop.datasets.DataDir;
import org.distprop.datasets.Dataset;
import org.distprop.datasets.Mnist;
import org.distprop.methods.DatasetInfo;
import org.distprop.methods.Hyperparams;
import org.distprop.methods.MethodContext;
import org.distprop.methods.MethodRegistry;
import org.distprop.methods.TrainingMethod;
import org.distprop.methods.core.GraphMethod;

/**
 * Process CPU time per bare training step (GraphMethod.bareStep, the loop StepBenchmark pairs SGD with), a cost
 * measure that stays meaningful on a shared, overloaded machine where wall-clock JMH numbers are
 * dominated by other processes. Not a test; run with
 * {@code java -cp baselines/target/test-classes:<classpath> org.distprop.baselines.StepCpuCost
 * batch method:k=v,k=v ...}. Prints method, hp, ms CPU/step, ms wall/step.
 */
public final class StepCpuCost {
    private StepCpuCost() {
    }

    public static void main(String[] args) {
        int batch = Integer.parseInt(args[0]);
        Dataset d = Mnist.load(DataDir.resolve(null));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int a = 1; a < args.length; a++) {
            String[] mh = args[a].split(":", 2);
            Map<String, String> hp = new TreeMap<>();
            if (mh.length > 1) {
                for (String kv : mh[1].split(",")) {
                    String[] p = kv.split("=", 2);
                    hp.put(p[0], p[1]);
                }
            }
            var f = MethodRegistry.get(mh[0]);
            try (TrainingMethod m = f.create(new MethodContext(DatasetInfo.of(d),
                    Hyperparams.resolve(mh[0], f.hyperparameters("mnist"), hp), 1L, 0))) {
                Runnable step = ((GraphMethod) m).bareStep(new Batcher(d.train(), batch, 1L).batchAt(0));
                for (int i = 0; i < 5; i++) {
                    step.run();
                }
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                int n = 0;
                while (n < 10 || os.getProcessCpuTime() - cpu0 < 4_000_000_000L) {
                    step.run();
                    n++;
                }
                double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / n;
                double wallMs = (System.nanoTime() - t0) / 1e6 / n;
                System.out.printf("%s %s cpu_ms_per_step=%.2f wall_ms_per_step=%.2f steps=%d%n", mh[0], hp, cpuMs, wallMs, n);
            }
        }
    }
}
