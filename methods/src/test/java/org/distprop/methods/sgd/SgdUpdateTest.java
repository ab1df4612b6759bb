package org.distprop.methods.sgd;

import java.util.Map;
import java.util.Random;
import org.distprop.datasets.Batch;
import org.distprop.datasets.ImageShape;
import org.distprop.methods.DatasetInfo;
import org.distprop.methods.Hyperparams;
import org.distprop.methods.MethodContext;
import org.junit.jupiter.api.Test;

/**
 * One step of {@code sgd --hp optimizer=sgd} on the ReLU MLP 4-256-256-3 against backpropagation by hand:
 * e = (softmax - onehot)/n, delta_l = (delta_{l+1} W_{l+1}^T) 1[a_l > 0], W_l -= lr h_{l-1}^T delta_l,
 * b_l -= lr sum_rows delta_l.
 */
class SgdUpdateTest {
    private static final float LR = 0.3f;
    private static final int N = 6;

    @Test
    void plainSgdStepIsMinusLrTimesTheBackpropGradient() {
        var f = new SgdFactory();
        var data = new DatasetInfo("tiny", new ImageShape(1, 4, 1), 3, 100);
        var hp = Hyperparams.resolve("sgd", f.hyperparameters("tiny"), Map.of("optimizer", "sgd", "lr", String.valueOf(LR), "arch", "mlp"));
        try (SgdMethod m = new SgdMethod(new MethodContext(data, hp, 3L, 1))) {
            var p = m.network().params(0);
            int[] widths = {4, 256, 256, 3};
            double[][][] w = new double[3][][];
            double[][] b = new double[3][];
            for (int l = 0; l < 3; l++) {
                w[l] = mat(m.valueOf(p.get(2 * l)), widths[l], widths[l + 1]);
                b[l] = dbl(m.valueOf(p.get(2 * l + 1)));
            }
            Random r = new Random(5);
            float[] xs = new float[N * 4];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = (float) r.nextGaussian();
            }
            int[] y = new int[N];
            for (int i = 0; i < N; i++) {
                y[i] = r.nextInt(3);
            }
            Batch batch = new Batch(xs, y, new int[] {0, 1, 2, 3, 4, 5}, new ImageShape(1, 4, 1));
            double[][][] h = new double[4][][];
            double[][][] a = new double[3][][];
            h[0] = mat(xs, N, 4);
            for (int l = 0; l < 3; l++) {
                a[l] = affine(h[l], w[l], b[l]);
                h[l + 1] = l < 2 ? relu(a[l]) : a[l];
            }
            double[][] delta = ceGradient(a[2], y);
            double[][][] gw = new double[3][][];
            double[][] gb = new double[3][];
            for (int l = 2; l >= 0; l--) {
                gw[l] = mul(t(h[l]), delta);
                gb[l] = colSum(delta);
                if (l > 0) {
                    double[][] up = mul(delta, t(w[l]));
                    for (int i = 0; i < up.length; i++) {
                        for (int j = 0; j < up[0].length; j++) {
                            up[i][j] = a[l - 1][i][j] > 0 ? up[i][j] : 0;
                        }
                    }
                    delta = up;
                }
            }
            m.step(batch);
            for (int l = 0; l < 3; l++) {
                close(w[l], gw[l], m.valueOf(p.get(2 * l)), "W" + l);
                close(new double[][] {b[l]}, new double[][] {gb[l]}, m.valueOf(p.get(2 * l + 1)), "b" + l);
            }
        }
    }

    private static void close(double[][] before, double[][] g, float[] after, String what) {
        int cols = before[0].length;
        double maxStep = 0;
        for (int i = 0; i < before.length; i++) {
            for (int j = 0; j < cols; j++) {
                double e = before[i][j] - LR * g[i][j];
                maxStep = Math.max(maxStep, Math.abs(LR * g[i][j]));
                if (Math.abs(after[i * cols + j] - e) > 2e-5 * (1 + Math.abs(e))) {
                    throw new AssertionError(what + "[" + i + "][" + j + "]: expected " + e + " got " + after[i * cols + j]);
                }
            }
        }
        if (maxStep < 1e-4) {
            throw new AssertionError(what + ": the step is too small to test (" + maxStep + ")");
        }
    }

    static double[][] mat(float[] a, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = a[i * cols + j];
            }
        }
        return m;
    }

    static double[] dbl(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    static double[][] affine(double[][] x, double[][] w, double[] b) {
        double[][] o = mul(x, w);
        for (double[] row : o) {
            for (int j = 0; j < row.length; j++) {
                row[j] += b[j];
            }
        }
        return o;
    }

    static double[][] relu(double[][] a) {
        double[][] o = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                o[i][j] = Math.max(0, a[i][j]);
            }
        }
        return o;
    }

    static double[][] ceGradient(double[][] a, int[] y) {
        double[][] e = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : a[i]) {
                max = Math.max(max, v);
            }
            double z = 0;
            for (double v : a[i]) {
                z += Math.exp(v - max);
            }
            for (int j = 0; j < a[0].length; j++) {
                e[i][j] = (Math.exp(a[i][j] - max) / z - (y[i] == j ? 1 : 0)) / a.length;
            }
        }
        return e;
    }

    static double[] colSum(double[][] a) {
        double[] s = new double[a[0].length];
        for (double[] row : a) {
            for (int j = 0; j < s.length; j++) {
                s[j] += row[j];
            }
        }
        return s;
    }

    static double[][] mul(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    static double[][] t(double[][] a) {
        double[][] c = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[j][i] = a[i][j];
            }
        }
        return c;
    }
}
