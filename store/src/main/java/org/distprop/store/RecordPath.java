package org.distprop.store;

import java.nio.file.Path;

/**
 * Where a record lives: {@code <results>/<experiment>/<dataset>/<method>/<config-hash>/seed-<n>/}. Readers take
 * these values from the manifest ({@link Manifest}); the path is for finding records, not for reading them.
 */
public final class RecordPath {
    /** Prefix of a record directory's name; the run seed follows. */
    public static final String SEED_PREFIX = "seed-";

    private RecordPath() {
    }

    /** The record directory of one run; the dataset name is made path-safe ({@code idx:/data/x} becomes {@code idx__data_x}). */
    public static Path of(Path results, String experiment, String dataset, String method, String configHash, long seed) {
        return results.resolve(experiment).resolve(safe(dataset)).resolve(method).resolve(configHash).resolve(SEED_PREFIX + seed);
    }

    /**
     * The layout read back from a record directory's last five components, for a record whose manifest does not
     * parse or lacks a key ("?" for a missing component, seed -1 when the last one is not {@code seed-<n>}).
     */
    public static Parts parse(Path dir) {
        int n = dir.getNameCount();
        String[] c = new String[5];
        for (int i = 0; i < 5; i++) {
            c[i] = n >= 5 - i ? dir.getName(n - 5 + i).toString() : "?";
        }
        String s = c[4];
        long seed = s.startsWith(SEED_PREFIX) && s.substring(SEED_PREFIX.length()).matches("\\d{1,18}")
                ? Long.parseLong(s.substring(SEED_PREFIX.length())) : -1;
        return new Parts(c[0], c[1], c[2], c[3], seed);
    }

    /** The components of a record directory; {@code dataset} is the path-safe form. */
    public record Parts(String experiment, String dataset, String method, String configHash, long seed) {
    }

    /** A name usable as one path component. */
    public static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
