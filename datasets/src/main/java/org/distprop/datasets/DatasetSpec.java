package org.distprop.datasets;

import java.nio.file.Path;
import java.util.List;

/**
 * Resolves a dataset name as given on the command line ("mnist", ...) to a loaded {@link Dataset},
 * optionally reduced to a deterministic subset. New datasets are one entry in {@link #NAMES} and one
 * case in {@link #load}.
 */
public final class DatasetSpec {
    public static final List<String> NAMES = List.of("mnist");

    private DatasetSpec() {
    }

    /** Throws a {@link DataException} listing the valid names if {@code name} is not a dataset. */
    public static void checkName(String name) {
        if (!NAMES.contains(name)) {
            throw new DataException("unknown dataset '" + name + "'; valid datasets: " + String.join(", ", NAMES));
        }
    }

    public static Dataset load(String name, Path dataDir) {
        return switch (name) {
            case "mnist" -> Mnist.load(dataDir);
            default -> throw new DataException("unknown dataset '" + name + "'; valid datasets: " + String.join(", ", NAMES));
        };
    }

    public static void fetch(String name, Path dataDir) {
        switch (name) {
            case "mnist" -> Mnist.fetch(dataDir);
            default -> throw new DataException("nothing to fetch for dataset '" + name + "'; fetchable datasets: mnist");
        }
    }
}
