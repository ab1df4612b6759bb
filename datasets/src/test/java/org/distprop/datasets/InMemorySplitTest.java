package org.distprop.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** fill() against torchvision's ToTensor + Normalize written out per element, (byte/255 - mean[c]) / std[c]. */
class InMemorySplitTest {
    @Test
    void fillNormalisesEachChannelOfTheGatheredExamples() {
        ImageShape shape = new ImageShape(5, 3, 3); // HWC, 3 channels
        int examples = 7;
        int n = shape.size();
        byte[] px = new byte[examples * n];
        new Random(3).nextBytes(px);
        float[] mean = {0.5f, 0.25f, -0.1f};
        float[] std = {0.5f, 0.2f, 2.0f};
        Split split = new InMemorySplit(px, new int[examples], shape, mean, std);
        int[] idx = {6, 0, 3, 3};
        float[] dst = new float[idx.length * n];
        split.fill(idx, dst, 1L, 0L);
        for (int b = 0; b < idx.length; b++) {
            for (int k = 0; k < n; k++) {
                int c = k % 3; // channels-last: position k of an example holds channel k mod C
                int v = px[idx[b] * n + k] & 0xff;
                float want = (float) ((v / 255.0 - mean[c]) / std[c]);
                assertEquals(want, dst[b * n + k], 0f, "example " + idx[b] + " position " + k);
            }
        }
    }
}
