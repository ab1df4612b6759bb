package org.distprop.harness.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.distprop.datasets.Batcher;
import org.distprop.datasets.DataDir;
import org.distprop.datasets.Dataset;
import org.distprop.datasets.DatasetSpec;
import org.distprop.datasets.Prefetcher;
import org.distprop.methods.DatasetInfo;
import org.distprop.methods.Hyperparams;
import org.distprop.methods.MethodContext;
import org.distprop.methods.MethodFactory;
import org.distprop.methods.MethodRegistry;
import org.distprop.methods.TrainingMethod;
import org.distprop.methods.core.GraphMethod;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Milliseconds per training step on real data (MNIST, or {@code dataset}), measured <em>paired</em>: every operation runs one step of a
 * reference, then one step of {@code method}, each timed with {@link System#nanoTime()} into JMH auxiliary
 * counters. Load from other tenants of a shared machine moves step times by up to ±30 % within minutes; it hits
 * both halves of a pair alike, so their ratio is stable where two separately measured JMH scores are not.
 *
 * <p>The reference is SGD's training step as a run does it (the next batch from the prefetch thread, tensor
 * fill, session run, metric read-out). For {@code method=sgd} the reference is instead the bare session loop of
 * the same graph (its training ops on a batch fed once), so the sgd row's ratio is 1 + the harness overhead.
 * The primary JMH score is the time of one pair; the per-step numbers are the counters (reports' BenchTable).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StepBenchmark {
    /**
     * The measured method. {@link BenchMain} (what {@code make bench} runs) sets it to the method registry's methods,
     * or the caller's {@code -p method=...}; the default (JMH needs one) is the reference alone.
     */
    @Param({"sgd"})
    public String method;

    /**
     * Hyperparameter overrides "k=v,k=v" of {@code method} (e.g. arch=mnist-cnn); "" = its defaults. The SGD
     * reference always runs on the same network ({@code arch}) as the measured method.
     */
    @Param({""})
    public String hp;

    @Param({"64", "256"})
    public int batchSize;

    /**
     * The training set the steps draw from (real data); with {@code hp=""} each method uses its defaults for it,
     * e.g. the CIFAR LeNet for cifar10 ({@code make bench}'s second block, the paper's CIFAR batch of 1,024).
     */
    @Param({"mnist"})
    public String dataset;

    /** TensorFlow threads of each session; 0 = one per core. */
    @Param({"0"})
    public int threads;

    private Dataset data;
    private TrainingMethod measured;
    private Prefetcher measuredBatches;
    private TrainingMethod sgd; // null when method=sgd
    private Prefetcher sgdBatches;
    private Runnable reference;

    /** Per-iteration sums (JMH reports them as secondary metrics, summed over the measurement iterations). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class PairTimes {
        /** Milliseconds spent in {@code method}'s steps. */
        public double methodMs;
        /** Milliseconds spent in the reference's steps. */
        public double referenceMs;
        /** Pairs run. */
        public long pairs;

        @Setup(Level.Iteration)
        public void reset() {
            methodMs = 0;
            referenceMs = 0;
            pairs = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        data = DatasetSpec.load(dataset, DataDir.resolve(null));
        Hyperparams resolved = resolve(method, overrides(hp));
        measured = MethodRegistry.get(method).create(new MethodContext(DatasetInfo.of(data), resolved, 1L, threads));
        measuredBatches = prefetcher();
        if (method.equals("sgd")) {
            reference = ((GraphMethod) measured).bareStep(new Batcher(data.train(), batchSize, 1L).batchAt(0));
        } else {
            Hyperparams sgdHp = resolve("sgd", Map.of("arch", resolved.getChoice("arch")));
            sgd = MethodRegistry.get("sgd").create(new MethodContext(DatasetInfo.of(data), sgdHp, 1L, threads));
            sgdBatches = prefetcher();
            reference = () -> sgd.step(sgdBatches.next());
        }
    }

    @Benchmark
    public double pairedStep(PairTimes t) {
        long t0 = System.nanoTime();
        reference.run();
        long t1 = System.nanoTime();
        double loss = measured.step(measuredBatches.next()).loss();
        long t2 = System.nanoTime();
        t.referenceMs += (t1 - t0) / 1e6;
        t.methodMs += (t2 - t1) / 1e6;
        t.pairs++;
        return loss;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        measuredBatches.close();
        measured.close();
        if (sgd != null) {
            sgdBatches.close();
            sgd.close();
        }
    }

    /** Hyperparameter overrides "k=v,k=v" ("" = none), as the {@code hp} parameter takes them. */
    static Map<String, String> overrides(String kvs) {
        Map<String, String> overrides = new TreeMap<>();
        for (String kv : kvs.split(",")) {
            if (!kv.isBlank()) {
                String[] p = kv.split("=", 2);
                if (p.length < 2 || p[0].isBlank()) {
                    throw new IllegalArgumentException("hyperparameter override '" + kv.trim() + "' in '" + kvs
                            + "' is not key=value; give a comma-separated list such as lr=0.01,momentum=0.9");
                }
                overrides.put(p[0].trim(), p[1].trim());
            }
        }
        return overrides;
    }

    private Hyperparams resolve(String name, Map<String, String> overrides) {
        MethodFactory f = MethodRegistry.get(name);
        return Hyperparams.resolve(name, f.hyperparameters(dataset), overrides);
    }

    private Prefetcher prefetcher() {
        return new Prefetcher(new Batcher(data.train(), batchSize, 1L), 0, 2); // as Runner does it
    }
}
