package org.distprop.methods.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.distprop.datasets.Batcher;
import org.distprop.datasets.DataDir;
import org.distprop.datasets.Dataset;
import org.distprop.datasets.Mnist;
import org.distprop.methods.DatasetInfo;
import org.distprop.methods.Hyperparams;
import org.distprop.methods.MethodContext;
import org.distprop.methods.MethodFactory;
import org.distprop.methods.MethodRegistry;
import org.distprop.methods.TrainingMethod;

/**
 * Measurement tool (not a test): ms per training step of several methods on full MNIST, measured
 * round-robin in one JVM (each round runs {@code stepsPerRound} steps of every method in turn), so
 * that on a shared, fluctuating machine every method sees the same load; reports the median over
 * rounds and the ratio to the first method. Complements the JMH StepBenchmark, which measures the
 * methods one after another.
 * Usage: InterleavedStepTiming batchSize rounds stepsPerRound method...
 */
public final class InterleavedStepTiming {
    public static void main(String[] args) {
        int batch = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int perRound = Integer.parseInt(args[2]);
        List<String> methods = Arrays.asList(args).subList(3, args.length);
        Dataset d = Mnist.load(DataDir.resolve(null));
        List<TrainingMethod> ms = new ArrayList<>();
        List<Batcher> batchers = new ArrayList<>();
        for (String name : methods) {
            MethodFactory f = MethodRegistry.get(name);
            Hyperparams hp = Hyperparams.resolve(name, f.hyperparameters("mnist"), Map.of());
            ms.add(f.create(new MethodContext(DatasetInfo.of(d), hp, 1L, 0)));
            batchers.add(new Batcher(d.train(), batch, 1L));
        }
        long[] step = new long[ms.size()];
        double[][] perStep = new double[ms.size()][rounds];
        for (int i = 0; i < ms.size(); i++) { // warm-up
            for (int k = 0; k < perRound; k++) {
                ms.get(i).step(batchers.get(i).batchAt(step[i]++));
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < ms.size(); i++) {
                long t0 = System.nanoTime();
                for (int k = 0; k < perRound; k++) {
                    ms.get(i).step(batchers.get(i).batchAt(step[i]++));
                }
                perStep[i][r] = (System.nanoTime() - t0) / 1e6 / perRound;
            }
        }
        double base = median(perStep[0]);
        for (int i = 0; i < ms.size(); i++) {
            double med = median(perStep[i]);
            System.out.printf(Locale.ROOT, "%-12s batch %d: median %.1f ms/step over %d rounds x %d steps, ratio to %s %.2f%n",
                    methods.get(i), batch, med, rounds, perRound, methods.get(0), med / base);
            ms.get(i).close();
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
