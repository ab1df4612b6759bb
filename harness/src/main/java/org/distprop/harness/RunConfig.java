package org.distprop.harness;

import java.nio.file.Path;

/**
 * One training run, fully specified: what it is ({@link RunSpec}) plus where and how it runs.
 *
 * @param cifarDir       user copy of CIFAR-10 (official batches dir or JPEG zip); null = env/defaults
 * @param imagenetDir    ImageNet ImageFolder root; null = $DISTPROP_IMAGENET_DIR
 */
public record RunConfig(RunSpec run, int threads, Path dataDir, Path out, boolean force, Path cifarDir, Path imagenetDir) {

    /** Without user data locations (CIFAR-10/ImageNet found via environment variables and defaults). */
    public RunConfig(RunSpec run, int threads, Path dataDir, Path out, boolean force) {
        this(run, threads, dataDir, out, force, null, null);
    }
}
