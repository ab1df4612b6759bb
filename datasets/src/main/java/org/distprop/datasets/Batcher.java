package org.distprop.datasets;

import java.util.SplittableRandom;

/**
 * Seeded minibatches over a split. Each epoch is a fresh permutation drawn from (seed, epoch), so
 * the batch at any step is a pure function of (seed, step): runs are reproducible and resumable.
 * Indices within a batch are unique (sampling without replacement), which sparse row updates need.
 * Like PyTorch's default loader the last, smaller batch of an epoch is kept (no drop_last).
 */
public final class Batcher {
    private final Split split;
    private final int batchSize;
    private final long seed;
    private final int batchesPerEpoch;
    private int cachedEpoch = -1;
    private int[] cachedOrder;

    public Batcher(Split split, int batchSize, long seed) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.split = split;
        this.batchSize = batchSize;
        this.seed = seed;
        this.batchesPerEpoch = (split.size() + batchSize - 1) / batchSize;
    }

    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** The batch used at global step {@code step} (0-based). */
    public Batch batchAt(long step) {
        int epoch = (int) (step / batchesPerEpoch);
        int pos = (int) (step % batchesPerEpoch);
        int[] order = order(epoch);
        int from = pos * batchSize;
        int to = Math.min(order.length, from + batchSize);
        int[] idx = java.util.Arrays.copyOfRange(order, from, to);
        return Batches.gather(split, idx, seed, step);
    }

    private int[] order(int epoch) {
        if (epoch != cachedEpoch) {
            cachedOrder = permutation(split.size(), new SplittableRandom(Seeds.mix(seed, epoch)));
            cachedEpoch = epoch;
        }
        return cachedOrder;
    }

    static int[] permutation(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** {@link Seeds#mix}, kept for callers not yet moved (GraphMethod, DecodingSplit: files others are changing). */
    public static long mix(long seed, long stream) {
        return Seeds.mix(seed, stream);
    }
}
