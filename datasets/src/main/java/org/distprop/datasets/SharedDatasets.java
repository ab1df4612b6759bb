package org.distprop.datasets;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The offline copies of real datasets kept beside the project in {@code ../shared/datasets/}
 * (CIFAR-10 JPEG zip, ImageNet sample). Found via {@code $DISTPROP_SHARED_DATASETS}, else by walking
 * up from the working directory looking for {@code shared/datasets/<file>}, so checkouts at any depth
 * below the shared folder (main checkout, worktrees) find the same copy.
 */
public final class SharedDatasets {
    public static final String ENV = "DISTPROP_SHARED_DATASETS";

    private SharedDatasets() {
    }

    /** The shared copy of {@code fileName}, or null if there is none. */
    public static Path find(String fileName) {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env).resolve(fileName);
            return Files.isRegularFile(p) ? p : null;
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve("shared").resolve("datasets").resolve(fileName);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
