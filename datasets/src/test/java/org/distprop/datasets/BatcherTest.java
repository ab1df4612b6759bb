package org.distprop.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatcherTest {
    static Split split(int n) {
        byte[] px = new byte[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            px[i] = (byte) i;
            y[i] = i % 3;
        }
        return new InMemorySplit(px, y, new ImageShape(1, 1, 1), new float[] {0}, new float[] {1});
    }

    @Test
    void eachEpochIsAPermutationWithUniqueIndicesAndAShortLastBatch() {
        Batcher b = new Batcher(split(10), 4, 7);
        assertEquals(3, b.batchesPerEpoch());
        Set<Integer> seen = new HashSet<>();
        for (int s = 0; s < 3; s++) {
            for (int i : b.batchAt(s).indices()) {
                assertFalse(!seen.add(i), "index repeated within an epoch");
            }
        }
        assertEquals(10, seen.size());
        assertEquals(2, b.batchAt(2).size());
    }

    @Test
    void batchesArePureFunctionsOfSeedAndStep() {
        Batcher a = new Batcher(split(100), 8, 3);
        Batcher b = new Batcher(split(100), 8, 3);
        int[] later = b.batchAt(40).indices(); // random access first, then in order
        for (int s = 0; s <= 40; s++) {
            a.batchAt(s);
        }
        assertArrayEquals(later, a.batchAt(40).indices());
        assertFalse(Arrays.equals(new Batcher(split(100), 8, 4).batchAt(0).indices(), a.batchAt(0).indices()));
        Batch x = a.batchAt(5);
        for (int i = 0; i < x.size(); i++) {
            assertEquals(x.indices()[i] % 3, x.labels()[i]);
            assertEquals(x.indices()[i] / 255f, x.images()[i], 1e-6f); // pixel value = index, normalised /255
        }
    }
}
