package org.distprop.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where downloaded and cached data lives: {@code --data-dir}, else {@code $DISTPROP_DATA_DIR}, else
 * {@code $XDG_CACHE_HOME/distprop}, else {@code ~/.cache/distprop}.
 */
public final class DataDir {
    public static final String ENV = "DISTPROP_DATA_DIR";

    private DataDir() {
    }

    public static Path resolve(Path flag) {
        if (flag != null) {
            return flag;
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Paths.get(env);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = (xdg != null && !xdg.isBlank()) ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
        return base.resolve("distprop");
    }

    /** Creates {@code dir} if needed and checks it is writable, with an error that says how to fix it. */
    public static Path ensureWritable(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DataException("data directory " + dir + " cannot be created (" + e.getMessage()
                    + "); choose another with --data-dir or $" + ENV);
        }
        try {
            // a real write, not Files.isWritable: root passes permission checks but not read-only mounts
            Path probe = Files.createTempFile(dir, ".write-probe", "");
            Files.delete(probe);
        } catch (IOException e) {
            throw new DataException("data directory " + dir + " is not writable (" + e.getMessage()
                    + "); choose another with --data-dir or $" + ENV);
        }
        return dir;
    }
}
