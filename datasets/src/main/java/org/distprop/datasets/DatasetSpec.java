package org.distprop.datasets;

import java.nio.file.Path;
import java.util.List;

/**
 * Resolves a dataset name as given on the command line ("mnist", "cifar10", "imagenet",
 * "imagenet-synthetic", "idx:DIR") to a loaded {@link Dataset}. New datasets are one entry in
 * {@link #NAMES} and one case in {@link #load}.
 */
public final class DatasetSpec {
    public static final List<String> NAMES = List.of("mnist", "cifar10", "imagenet", "imagenet-synthetic", "idx:<dir>");
    public static final List<String> FETCHABLE = List.of("mnist", "cifar10");

    private DatasetSpec() {
    }

    /** Throws a {@link DataException} listing the valid names if {@code name} is not a dataset. */
    public static void checkName(String name) {
        if (name.startsWith(IdxDirectory.PREFIX) ? name.length() == IdxDirectory.PREFIX.length() : !NAMES.contains(name)) {
            throw new DataException("unknown dataset '" + name + "'; valid datasets: " + String.join(", ", NAMES));
        }
    }

    public static Dataset load(String name, Path dataDir) {
        return load(name, DataLocations.of(dataDir));
    }

    public static Dataset load(String name, DataLocations loc) {
        checkName(name);
        if (name.startsWith(IdxDirectory.PREFIX)) {
            return IdxDirectory.load(name, Path.of(name.substring(IdxDirectory.PREFIX.length())));
        }
        return switch (name) {
            case "mnist" -> Mnist.load(loc.dataDir());
            case "cifar10" -> Cifar10.load(loc);
            case "imagenet" -> ImageNet.load(loc);
            case "imagenet-synthetic" -> ImageNet.synthetic(0L);
            default -> throw new DataException("unknown dataset '" + name + "'; valid datasets: " + String.join(", ", NAMES));
        };
    }

    public static void fetch(String name, Path dataDir) {
        switch (name) {
            case "mnist" -> Mnist.fetch(dataDir);
            case "cifar10" -> Cifar10.fetch(dataDir);
            default -> throw new DataException("nothing to fetch for dataset '" + name + "'; fetchable datasets: "
                    + String.join(", ", FETCHABLE) + (name.equals("imagenet")
                    ? " (ImageNet must be obtained from image-net.org and given with --imagenet-dir)" : ""));
        }
    }
}
