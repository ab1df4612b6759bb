package org.distprop.datasets;

import java.nio.file.Path;

/**
 * Where to find data: the cache directory (see {@link DataDir}) and optional user copies of datasets
 * that cannot be downloaded from a registry. A null location means "look in the usual places".
 *
 * @param dataDir     resolved cache directory (never null)
 * @param cifarDir    official {@code cifar-10-batches-bin} directory, or a CIFAR-10 JPEG zip; null = env/defaults
 * @param imagenetDir ImageFolder root ({@code train/}, {@code val/}) or directory with the official tars; null = env
 */
public record DataLocations(Path dataDir, Path cifarDir, Path imagenetDir) {
    public static final String CIFAR_ENV = "DISTPROP_CIFAR10_DIR";
    public static final String IMAGENET_ENV = "DISTPROP_IMAGENET_DIR";

    public static DataLocations of(Path dataDir) {
        return new DataLocations(dataDir, null, null);
    }

    /** The flag if given, else the environment variable, else null. */
    static Path flagOrEnv(Path flag, String env) {
        if (flag != null) {
            return flag;
        }
        String v = System.getenv(env);
        return v == null || v.isBlank() ? null : Path.of(v);
    }
}
