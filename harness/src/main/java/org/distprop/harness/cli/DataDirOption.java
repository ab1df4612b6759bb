package org.distprop.harness.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}, declared once and mixed into every command that loads or fetches data ({@code @Mixin}). */
public final class DataDirOption {
    @Option(names = "--data-dir", description = "where datasets are cached (default: $DISTPROP_DATA_DIR or ~/.cache/distprop)")
    Path dataDir;

    /** The directory given, or null for the default (resolved by {@code DataDir.resolve}). */
    Path get() {
        return dataDir;
    }
}
