package org.distprop.harness.bench;

import java.util.concurrent.TimeUnit;
import org.distprop.datasets.Batch;
import org.distprop.datasets.Batcher;
import org.distprop.datasets.DataDir;
import org.distprop.datasets.Dataset;
import org.distprop.datasets.DatasetSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Milliseconds to assemble one training batch — compare with {@link StepBenchmark}: the pipeline must be much
 * faster than the step that consumes it. mnist and cifar10: seeded permutation, gather, normalise from the decoded
 * in-memory arrays (CIFAR's JPEG copy is decoded once into the cache, not per batch); imagenet: JPEG decode,
 * random-resized-crop 224, flip and normalise of every image, in the loader's decoding threads. ImageNet reads
 * $DISTPROP_IMAGENET_DIR (`make bench` points it at the unzipped 1,000-image sample).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DataBenchmark {
    @Param({"mnist", "cifar10", "imagenet"})
    public String dataset;

    @Param({"64", "256"})
    public int batchSize;

    private Batcher batcher;
    private long step;

    @Setup
    public void setUp() {
        Dataset d = DatasetSpec.load(dataset, DataDir.resolve(null));
        batcher = new Batcher(d.train(), batchSize, 1L);
    }

    @Benchmark
    public Batch trainBatch() {
        return batcher.batchAt(step++);
    }
}
