package org.distprop.baselines;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.distprop.datasets.Batch;
import org.distprop.datasets.ImageShape;
import org.distprop.methods.DatasetInfo;
import org.distprop.methods.Hyperparams;
import org.distprop.methods.MethodContext;
import org.distprop.methods.MethodFactory;

/** Small synthetic fixtures: a 1x4x1 "image", 3 classes, random batches. */
final class Tiny {
    static final ImageShape SHAPE = new ImageShape(1, 4, 1);
    static final DatasetInfo DATA = new DatasetInfo("tiny", SHAPE, 3, 100);
    static final long[] IN = {1, 4, 1};

    private Tiny() {
    }

    static MethodContext ctx(MethodFactory f, DatasetInfo data, Map<String, String> hp) {
        return new MethodContext(data, Hyperparams.resolve(f.name(), f.hyperparameters(data.name()), hp), 7L, 1);
    }

    static Batch batch(ImageShape shape, int n, int classes, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * shape.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        int[] y = new int[n];
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
            idx[i] = i;
        }
        return new Batch(x, y, idx, shape);
    }

    /** Row-major [rows, cols] matrix from a flat array. */
    static double[][] mat(float[] a, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = a[i * cols + j];
            }
        }
        return m;
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

    /** x W + b, then tanh if asked. */
    static double[][] dense(double[][] x, double[][] w, float[] b, boolean tanh) {
        double[][] a = mul(x, w);
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] += b[j];
                if (tanh) {
                    row[j] = Math.tanh(row[j]);
                }
            }
        }
        return a;
    }

    /** (softmax(a) - onehot(y)) / n: the gradient of the batch-mean cross-entropy w.r.t. the logits. */
    static double[][] ceGradient(double[][] a, int[] y) {
        int n = a.length;
        double[][] e = new double[n][a[0].length];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : a[i]) {
                max = Math.max(max, v);
            }
            double z = 0;
            for (double v : a[i]) {
                z += Math.exp(v - max);
            }
            for (int j = 0; j < a[i].length; j++) {
                e[i][j] = (Math.exp(a[i][j] - max) / z - (y[i] == j ? 1 : 0)) / n;
            }
        }
        return e;
    }

    static double[][] inputs(Batch b) {
        return mat(b.images(), b.size(), b.shape().size());
    }

    static void assertClose(double[][] expected, float[] actual, double tol, String what) {
        int cols = expected[0].length;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < cols; j++) {
                double a = actual[i * cols + j];
                if (Math.abs(a - expected[i][j]) > tol * (1 + Math.abs(expected[i][j]))) {
                    throw new AssertionError(what + "[" + i + "][" + j + "]: expected " + expected[i][j] + " got " + a);
                }
            }
        }
    }

    static List<Integer> ints(Integer... v) {
        return List.of(v);
    }
}
