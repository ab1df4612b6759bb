package org.distprop.harness.cli;

import java.nio.file.Path;
import org.distprop.datasets.DataDir;
import org.distprop.datasets.DataLocations;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where a single run's dataset comes from: {@code --data-dir}, {@code --cifar-dir}, {@code --imagenet-dir} ({@code @Mixin}). */
public final class DataLocationOptions {
    @Mixin
    DataDirOption dataDir = new DataDirOption();

    @Option(names = "--cifar-dir", description = "CIFAR-10: official cifar-10-batches-bin directory or the JPEG zip "
            + "(default: $DISTPROP_CIFAR10_DIR, a fetched copy in the data dir, else shared/datasets/cifar10-jpeg.zip)")
    Path cifarDir;

    @Option(names = "--imagenet-dir", description = "ImageNet ImageFolder root with train/ and val/ <wnid> folders (default: $DISTPROP_IMAGENET_DIR)")
    Path imagenetDir;

    /** The locations with the data directory resolved to its default when not given. */
    DataLocations resolved() {
        return new DataLocations(DataDir.resolve(dataDir.get()), cifarDir, imagenetDir);
    }
}
