package org.distprop.datasets;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** Building batches from splits: gathering indices, and in-order passes for evaluation. */
public final class Batches {
    private Batches() {
    }

    public static Batch gather(Split split, int[] idx, long seed, long step) {
        float[] images = new float[idx.length * split.shape().size()];
        split.fill(idx, images, seed, step);
        int[] labels = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            labels[i] = split.label(idx[i]);
        }
        return new Batch(images, labels, idx, split.shape());
    }

    /** The whole split in order, {@code batchSize} at a time (evaluation; no augmentation randomness). */
    public static Iterable<Batch> inOrder(Split split, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        return () -> new Iterator<>() {
            private int next = 0;

            @Override
            public boolean hasNext() {
                return next < split.size();
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int to = Math.min(split.size(), next + batchSize);
                int[] idx = new int[to - next];
                for (int i = 0; i < idx.length; i++) {
                    idx[i] = next + i;
                }
                next = to;
                return gather(split, idx, 0L, 0L);
            }
        };
    }
}
