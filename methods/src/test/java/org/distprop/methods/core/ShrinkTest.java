package org.distprop.methods.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class ShrinkTest {
    private static final float[] V = {-1.5f, -0.4f, 0f, 0.3f, 0.7f, 2f};

    /** Values and gradients of soft/hard shrink with margin 0.5, against the closed forms. */
    @Test
    void softAndHardShrinkValuesAndGradients() {
        check(Shrink.SOFT, new float[] {-1f, 0f, 0f, 0f, 0.2f, 1.5f});
        check(Shrink.HARD, new float[] {-1.5f, 0f, 0f, 0f, 0.7f, 2f});
    }

    private static void check(Shrink s, float[] expected) {
        try (Graph g = new Graph(); Session sess = new Session(g)) {
            Ops tf = Ops.create(g);
            var v = tf.constant(V);
            var out = s.apply(tf, v, 0.5f);
            var grad = tf.gradients(tf.reduceSum(out, tf.constant(0)), List.of(v));
            try (var r = sess.runner().fetch(out).fetch(grad.dy(0)).run()) {
                float[] val = new float[V.length];
                float[] dv = new float[V.length];
                ((TFloat32) r.get(0)).copyTo(DataBuffers.of(val, false, false));
                ((TFloat32) r.get(1)).copyTo(DataBuffers.of(dv, false, false));
                assertArrayEquals(expected, val, 1e-6f, s + " values");
                assertArrayEquals(new float[] {1, 0, 0, 0, 1, 1}, dv, 1e-6f, s + " gradient");
                for (int i = 0; i < V.length; i++) {
                    assertArrayEquals(new float[] {expected[i]}, new float[] {(float) s.apply(V[i], 0.5)}, 1e-6f, "java reference");
                }
            }
        }
    }
}
