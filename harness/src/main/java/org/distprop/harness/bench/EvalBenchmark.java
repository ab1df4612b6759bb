package org.distprop.harness.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.distprop.datasets.Batch;
import org.distprop.datasets.Batches;
import org.distprop.datasets.DataDir;
import org.distprop.datasets.Dataset;
import org.distprop.datasets.DatasetSpec;
import org.distprop.methods.DatasetInfo;
import org.distprop.methods.Evaluation;
import org.distprop.methods.Hyperparams;
import org.distprop.methods.MethodContext;
import org.distprop.methods.MethodFactory;
import org.distprop.methods.MethodRegistry;
import org.distprop.methods.TrainingMethod;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Milliseconds to evaluate SGD's network (the dataset's default: the MNIST net, the CIFAR LeNet) on the full
 * 10,000-image test split, and to assemble that split's batches alone (no TensorFlow), which the first includes.
 * At the paper's protocol the CIFAR runs evaluate every epoch (49 steps), so this is a visible share of a run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EvalBenchmark {
    @Param({"1000"})
    public int evalBatchSize;

    @Param({"mnist"})
    public String dataset;

    /** TensorFlow threads of the session; 0 = one per core. */
    @Param({"0"})
    public int threads;

    private TrainingMethod m;
    private Dataset d;

    @Setup
    public void setUp() {
        d = DatasetSpec.load(dataset, DataDir.resolve(null));
        MethodFactory f = MethodRegistry.get("sgd");
        m = f.create(new MethodContext(DatasetInfo.of(d), Hyperparams.resolve("sgd", f.hyperparameters(dataset), Map.of()), 1L, threads));
    }

    @Benchmark
    public Evaluation fullTestSet() {
        return m.evaluate(Batches.inOrder(d.test(), evalBatchSize));
    }

    @Benchmark
    public long batchAssemblyOnly() {
        long n = 0;
        for (Batch b : Batches.inOrder(d.test(), evalBatchSize)) {
            n += b.size();
        }
        return n;
    }

    @TearDown
    public void tearDown() {
        m.close();
    }
}
