package org.distprop.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubsetsTest {
    private static Split split(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
        }
        return new InMemorySplit(new byte[n], labels, new ImageShape(1, 1, 1), new float[] {0}, new float[] {1});
    }

    @Test
    void seededSampleIsDistinctSortedAndAFunctionOfTheSeed() {
        Split s = split(1000);
        int[] a = Subsets.seededSample(s, 100, 7);
        assertEquals(100, a.length);
        assertArrayEquals(a, Subsets.seededSample(s, 100, 7));
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(Subsets.seededSample(s, 100, 8)));
        for (int i = 1; i < a.length; i++) {
            assertTrue(a[i] > a[i - 1]);
        }
        assertEquals(1000, Subsets.seededSample(s, 5000, 1).length);
    }

    @Test
    void firstPerClassTakesTheFirstOfEachClassInOrder() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, Subsets.firstPerClass(split(30), 3, 2));
    }

    @Test
    void unlimitedPerClassKeepsEverySplitExampleWithoutOverflow() {
        // Integer.MAX_VALUE stands for "all" (train_per_class 0); 10 * MAX_VALUE once overflowed to -10
        Split s = split(25);
        org.junit.jupiter.api.Assertions.assertEquals(25, Subsets.firstPerClass(s, 10, Integer.MAX_VALUE).length);
    }
}
