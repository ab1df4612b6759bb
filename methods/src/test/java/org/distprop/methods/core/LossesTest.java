package org.distprop.methods.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Cross-entropy value and gradient against the closed form and central finite differences. */
class LossesTest {
    static final float[][] LOGITS = {{0.3f, -1.2f, 2.0f, 0.1f}, {-0.5f, 0.4f, 0.0f, 1.5f}, {1.0f, 1.0f, -2.0f, 0.7f}};
    static final int[] LABELS = {2, 0, 3};

    /** Mean NLL in double precision, computed directly from its definition. */
    static double nll(double[][] z, int[] y) {
        double total = 0;
        for (int i = 0; i < z.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z[i]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : z[i]) {
                sum += Math.exp(v - max);
            }
            total += -(z[i][y[i]] - max - Math.log(sum));
        }
        return total / z.length;
    }

    @Test
    void valueAndGradientMatchClosedFormAndFiniteDifferences() {
        float[][] grad = new float[3][4];
        float value;
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            var z = tf.constant(LOGITS);
            var loss = Losses.crossEntropy(tf, z, tf.constant(LABELS), 4);
            var dz = tf.gradients(loss, java.util.List.of(z)).<TFloat32>dy(0);
            try (Result r = s.runner().fetch(loss).fetch(dz).run()) {
                value = ((TFloat32) r.get(0)).getFloat();
                StdArrays.copyFrom((TFloat32) r.get(1), grad);
            }
        }
        double[][] z = new double[3][4];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                z[i][j] = LOGITS[i][j];
            }
        }
        assertEquals(nll(z, LABELS), value, 1e-6);
        double h = 1e-5;
        for (int i = 0; i < 3; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z[i]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : z[i]) {
                sum += Math.exp(v - max);
            }
            for (int j = 0; j < 4; j++) {
                double closed = (Math.exp(z[i][j] - max) / sum - (j == LABELS[i] ? 1 : 0)) / 3.0; // (softmax - onehot)/B
                z[i][j] += h;
                double up = nll(z, LABELS);
                z[i][j] -= 2 * h;
                double down = nll(z, LABELS);
                z[i][j] += h;
                double fd = (up - down) / (2 * h);
                assertEquals(closed, fd, 1e-7, "finite differences disagree with the closed form");
                assertEquals(closed, grad[i][j], 1e-6, "graph gradient at [" + i + "," + j + "]");
            }
        }
    }

    @Test
    void topKCountsHits() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            var z = tf.constant(LOGITS);
            var y = tf.constant(new int[] {2, 3, 3});
            try (Result r = s.runner().fetch(Losses.topKCorrect(tf, z, y, 1)).fetch(Losses.topKCorrect(tf, z, y, 2))
                    .fetch(Losses.topKCorrect(tf, z, y, 3)).run()) {
                assertEquals(2f, ((TFloat32) r.get(0)).getFloat()); // rows 0 and 1 have their label on top
                assertEquals(2f, ((TFloat32) r.get(1)).getFloat()); // row 2's label (logit 0.7) ranks third
                assertEquals(3f, ((TFloat32) r.get(2)).getFloat());
            }
        }
    }
}
