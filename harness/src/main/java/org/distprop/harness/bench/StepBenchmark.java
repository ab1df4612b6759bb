package org.distprop.harness.bench;

import java.util.Map;
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
 * Milliseconds per training step on real MNIST with the paper's MNIST network.
 * {@code harnessStep} is what a run does per step (the next batch from the prefetch thread, tensor
 * creation, session run, metric read-out); {@code bareSessionLoop} is the same graph's training ops
 * on a batch fed once. Their ratio is the harness overhead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StepBenchmark {
    @Param({"sgd", "regularized", "gda", "extraprop", "distprop", "dfa", "fa", "dtp", "oam"})
    public String method;

    /** Hyperparameter overrides "k=v,k=v" (e.g. arch=lenet, to time SGD on a baseline's net); "" = defaults. */
    @Param({""})
    public String hp;

    @Param({"64", "256"})
    public int batchSize;

    /** TensorFlow threads; 0 = one per core. */
    @Param({"0"})
    public int threads;

    private TrainingMethod m;
    private Prefetcher batches;
    private Runnable bare;

    @Setup(Level.Trial)
    public void setUp() {
        Dataset d = DatasetSpec.load("mnist", DataDir.resolve(null));
        MethodFactory f = MethodRegistry.get(method);
        Map<String, String> overrides = new java.util.TreeMap<>();
        for (String kv : hp.split(",")) {
            if (!kv.isBlank()) {
                String[] p = kv.split("=", 2);
                overrides.put(p[0].trim(), p[1].trim());
            }
        }
        Hyperparams resolved = Hyperparams.resolve(method, f.hyperparameters("mnist"), overrides);
        m = f.create(new MethodContext(DatasetInfo.of(d), resolved, 1L, threads));
        Batcher batcher = new Batcher(d.train(), batchSize, 1L);
        bare = ((GraphMethod) m).bareStep(batcher.batchAt(0));
        batches = new Prefetcher(new Batcher(d.train(), batchSize, 1L), 0, 2); // as Runner does it
    }

    @Benchmark
    public double harnessStep() {
        return m.step(batches.next()).loss();
    }

    @Benchmark
    public void bareSessionLoop() {
        bare.run();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        batches.close();
        m.close();
    }
}
