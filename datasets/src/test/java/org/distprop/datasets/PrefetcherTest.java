package org.distprop.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Prefetched batches are exactly the batcher's batches, in step order, across epoch boundaries. */
class PrefetcherTest {
    static Split split(int n) {
        byte[] x = new byte[n * 2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (byte) i;
            x[2 * i + 1] = (byte) (3 * i);
            y[i] = i % 3;
        }
        return new InMemorySplit(x, y, new ImageShape(1, 2, 1), new float[] {0f}, new float[] {1f});
    }

    @Test
    void sameBatchesAsTheBatcherInOrder() {
        Split s = split(10);
        Batcher direct = new Batcher(s, 4, 7);
        try (Prefetcher p = new Prefetcher(new Batcher(s, 4, 7), 5, 3)) {
            for (long step = 5; step < 20; step++) { // 3 batches per epoch: crosses several epochs
                Batch want = direct.batchAt(step);
                Batch got = p.next();
                assertArrayEquals(want.indices(), got.indices(), "step " + step);
                assertArrayEquals(want.labels(), got.labels(), "step " + step);
                assertArrayEquals(want.images(), got.images(), "step " + step);
            }
        }
    }

    @Test
    void badDepthIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Prefetcher(new Batcher(split(4), 2, 1), 0, 0));
    }
}
