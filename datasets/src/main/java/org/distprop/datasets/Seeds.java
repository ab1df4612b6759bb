package org.distprop.datasets;

/**
 * Derives independent seeds from the run seed: every random stream (batch order, subsets, augmentation,
 * noise, sweep proposals) is {@code mix(seed, stream)} of its own stream number, so the same run seed
 * gives the same bits everywhere.
 */
public final class Seeds {
    private Seeds() {
    }

    /** Combines a seed and a stream number into a new seed (SplitMix64 finaliser). */
    public static long mix(long seed, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + stream + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
