package org.distprop.methods.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.distprop.datasets.ImageShape;
import org.distprop.methods.DatasetInfo;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class InitTest {
    static final DatasetInfo MNIST = new DatasetInfo("mnist", new ImageShape(28, 28, 1), 10, 60000);

    /** Reads every parameter of a freshly initialised network as a flat array. */
    static List<float[]> initialValues(Architecture arch, long seed) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Network net = new Network(tf, arch, new Seeds(seed), "");
            s.initialize();
            return net.allParams().stream().map(v -> {
                try (TFloat32 t = (TFloat32) s.runner().fetch(v).run().get(0)) {
                    float[] out = new float[(int) t.size()];
                    t.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(out, false, false));
                    return out;
                }
            }).toList();
        }
    }

    @Test
    void mnistNetHasPytorchDefaultRanges() {
        Architecture arch = Architectures.mnistCnn(new long[] {28, 28, 1}, 10, true);
        List<float[]> p = initialValues(arch, 1);
        // conv1 (fan_in 1*3*3), conv2 (32*3*3), fc1 (9216), fc2 (128); weight and bias share the bound
        long[] fanIn = {9, 9, 288, 288, 9216, 9216, 128, 128};
        int[] sizes = {3 * 3 * 32, 32, 3 * 3 * 32 * 64, 64, 9216 * 128, 128, 128 * 10, 10};
        assertEquals(8, p.size());
        for (int i = 0; i < p.size(); i++) {
            float[] v = p.get(i);
            assertEquals(sizes[i], v.length);
            double bound = 1 / Math.sqrt(fanIn[i]);
            double max = 0;
            double mean = 0;
            double sq = 0;
            for (float x : v) {
                max = Math.max(max, Math.abs(x));
                mean += x;
                sq += x * x;
            }
            mean /= v.length;
            double var = sq / v.length - mean * mean;
            assertTrue(max <= bound * (1 + 1e-6), "param " + i + " exceeds 1/sqrt(fan_in)");
            if (v.length >= 1000) { // U(-b, b): mean 0, variance b^2/3; tolerances are 5 standard errors
                double n = v.length;
                assertEquals(0, mean, 5 * bound / Math.sqrt(3 * n), "param " + i + " mean");
                assertEquals(bound * bound / 3, var, 5 * bound * bound * Math.sqrt(4 / (45 * n)), "param " + i + " variance");
                assertTrue(max > 0.99 * bound);
            }
        }
    }

    @Test
    void sameSeedSameValuesOtherSeedOtherValues() {
        Architecture arch = Architectures.mlp(new long[] {4, 4, 1}, 3, List.of(8), true);
        assertTrue(java.util.Arrays.equals(initialValues(arch, 5).get(0), initialValues(arch, 5).get(0)));
        assertTrue(!java.util.Arrays.equals(initialValues(arch, 5).get(0), initialValues(arch, 6).get(0)));
    }
}
