package org.distprop.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.distprop.baselines.oam.OamFactory;
import org.distprop.baselines.oam.OamMethod;
import org.distprop.datasets.Batch;
import org.distprop.methods.DatasetInfo;
import org.distprop.methods.core.Architectures;
import org.junit.jupiter.api.Test;

/**
 * Two OAM minibatches on a 4-5-4-3 ReLU MLP (codes after the 5- and 4-unit linear layers) against a
 * plain-Java transcription of IBM's AM-Adam step (baselines-spec §3.2): codes from a forward pass; the
 * top code first, 5 PyTorch-Nesterov steps on (1/mu) CE + MSE(c, c0); then the lower code on
 * MSE(module(c), updated top code) + MSE(c, c0); then one Adam step (TF ApplyAdam) per module on its
 * local loss with the updated codes. MSE = mean over all elements, CE = batch mean. The codes of step 1
 * and the weights after step 2 (where Adam's ratio depends on gradient magnitudes) are compared.
 */
class OamTranscriptionTest {
    private static final double MU = 0.05;
    private static final double LR_CODES = 0.3;
    private static final double MOMENTUM = 0.9;
    private static final double LR = 0.008;
    private static final int N = 8;

    @Test
    void codesAndWeightsMatchTheTranscription() {
        var arch = Architectures.mlp(Tiny.IN, 3, Tiny.ints(5, 4), true);
        var ctx = Tiny.ctx(new OamFactory(), Tiny.DATA, Map.of("mu", String.valueOf(MU)));
        try (OamMethod m = new OamMethod(ctx, arch)) {
            var net = m.network();
            double[][][] w = new double[3][][];
            double[][] b = new double[3][];
            int[] widths = {4, 5, 4, 3};
            for (int l = 0; l < 3; l++) {
                w[l] = Tiny.mat(m.valueOf(net.params(l).get(0)), widths[l], widths[l + 1]);
                b[l] = toDouble(m.valueOf(net.params(l).get(1)));
            }
            Ref ref = new Ref(w, b);
            Batch b1 = Tiny.batch(Tiny.SHAPE, N, 3, 31);
            Batch b2 = Tiny.batch(Tiny.SHAPE, N, 3, 32);
            double[][][] codes = ref.step(Tiny.inputs(b1), b1.labels());
            var got = m.stepFetching(b1, m.updatedCodes());
            Tiny.assertClose(codes[0], got.get(0), 1e-4, "updated code 0");
            Tiny.assertClose(codes[1], got.get(1), 1e-4, "updated code 1");
            ref.step(Tiny.inputs(b2), b2.labels());
            m.stepFetching(b2, List.of());
            for (int l = 0; l < 3; l++) {
                Tiny.assertClose(ref.w[l], m.valueOf(net.params(l).get(0)), 1e-4, "W" + l + " after 2 steps");
                Tiny.assertClose(new double[][] {ref.b[l]}, m.valueOf(net.params(l).get(1)), 1e-4, "b" + l + " after 2 steps");
            }
        }
    }

    /** lr factor 0.5^floor(epoch / k), epochs from examples seen: train size 16, batch 8 = 2 steps per epoch. */
    @Test
    void learningRatesHalveByEpochsAndZeroMeansNever() {
        var data = new DatasetInfo("tiny", Tiny.SHAPE, 3, 16);
        var arch = Architectures.mlp(Tiny.IN, 3, Tiny.ints(5), true);
        for (String k : List.of("1", "2", "0")) {
            try (OamMethod m = new OamMethod(Tiny.ctx(new OamFactory(), data, Map.of("lr_halving_epochs", k)), arch)) {
                List<Double> scales = new ArrayList<>();
                for (int s = 0; s < 6; s++) {
                    scales.add((double) m.valueOf(m.lrScale())[0]);
                    m.step(Tiny.batch(Tiny.SHAPE, 8, 3, s));
                }
                List<Double> expected = switch (k) {
                    case "1" -> List.of(1.0, 1.0, 0.5, 0.5, 0.25, 0.25);
                    case "2" -> List.of(1.0, 1.0, 1.0, 1.0, 0.5, 0.5);
                    default -> List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0);
                };
                assertEquals(expected, scales, "lr_halving_epochs=" + k);
            }
        }
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    /** The transcription: weights, and one Adam state per parameter (the modules' Adams share the step count). */
    private static final class Ref {
        final double[][][] w;
        final double[][] b;
        final double[][][] mw = new double[3][][];
        final double[][][] vw = new double[3][][];
        final double[][] mb = new double[3][];
        final double[][] vb = new double[3][];
        int t;

        Ref(double[][][] w, double[][] b) {
            this.w = w;
            this.b = b;
            for (int l = 0; l < 3; l++) {
                mw[l] = new double[w[l].length][w[l][0].length];
                vw[l] = new double[w[l].length][w[l][0].length];
                mb[l] = new double[b[l].length];
                vb[l] = new double[b[l].length];
            }
        }

        /** One minibatch; returns the updated codes {c0*, c1*}. */
        double[][][] step(double[][] x, int[] y) {
            double[][] c0i = affine(x, 0);
            double[][] c1i = affine(relu(c0i), 1);
            // top code: (1/mu) CE(out(c), y) + MSE(c, c1i)
            double[][] c1 = nesterov(c1i, c -> {
                double[][] e = Tiny.ceGradient(affine(relu(c), 2), y);
                return add(scale(reluMask(Tiny.mul(e, Tiny.t(w[2])), c), 1 / MU), scale(sub(c, c1i), 2.0 / size(c)));
            });
            // lower code: MSE(module1(c), c1) + MSE(c, c0i), the top code already updated
            double[][] c0 = nesterov(c0i, c -> {
                double[][] r = scale(sub(affine(relu(c), 1), c1), 2.0 / size(c1));
                return add(reluMask(Tiny.mul(r, Tiny.t(w[1])), c), scale(sub(c, c0i), 2.0 / size(c)));
            });
            // module-local weight gradients with the updated codes
            double[][][] ins = {x, relu(c0), relu(c1)};
            double[][][] deltas = {
                scale(sub(affine(x, 0), c0), 2.0 / size(c0)),
                scale(sub(affine(relu(c0), 1), c1), 2.0 / size(c1)),
                Tiny.ceGradient(affine(relu(c1), 2), y),
            };
            t++;
            for (int l = 0; l < 3; l++) {
                double[][] gw = Tiny.mul(Tiny.t(ins[l]), deltas[l]);
                double[] gb = new double[b[l].length];
                for (double[] row : deltas[l]) {
                    for (int j = 0; j < gb.length; j++) {
                        gb[j] += row[j];
                    }
                }
                for (int i = 0; i < gw.length; i++) {
                    adam(w[l][i], mw[l][i], vw[l][i], gw[i]);
                }
                adam(b[l], mb[l], vb[l], gb);
            }
            return new double[][][] {c0, c1};
        }

        /** TF ApplyAdam: lr_t = lr sqrt(1 - b2^t) / (1 - b1^t); p -= lr_t m / (sqrt(v) + eps). */
        void adam(double[] p, double[] m, double[] v, double[] g) {
            double b1 = 0.9;
            double b2 = 0.999;
            double lrT = LR * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
            for (int i = 0; i < p.length; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                p[i] -= lrT * m[i] / (Math.sqrt(v[i]) + 1e-8);
            }
        }

        /** PyTorch SGD, Nesterov, dampening 0, fresh buffer: buf = g, then buf = mom buf + g; c -= lr (g + mom buf). */
        static double[][] nesterov(double[][] start, java.util.function.UnaryOperator<double[][]> grad) {
            double[][] c = copy(start);
            double[][] buf = null;
            for (int s = 0; s < 5; s++) {
                double[][] g = grad.apply(c);
                buf = buf == null ? copy(g) : add(scale(buf, MOMENTUM), g);
                c = sub(c, scale(add(g, scale(buf, MOMENTUM)), LR_CODES));
            }
            return c;
        }

        double[][] affine(double[][] in, int l) {
            double[][] a = Tiny.mul(in, w[l]);
            for (double[] row : a) {
                for (int j = 0; j < row.length; j++) {
                    row[j] += b[l][j];
                }
            }
            return a;
        }
    }

    static double[][] relu(double[][] a) {
        double[][] r = copy(a);
        for (double[] row : r) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.max(0, row[j]);
            }
        }
        return r;
    }

    static double[][] reluMask(double[][] g, double[][] at) {
        double[][] r = copy(g);
        for (int i = 0; i < r.length; i++) {
            for (int j = 0; j < r[0].length; j++) {
                r[i][j] = at[i][j] > 0 ? r[i][j] : 0;
            }
        }
        return r;
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    static double[][] add(double[][] a, double[][] b) {
        double[][] c = copy(a);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[i][j] += b[i][j];
            }
        }
        return c;
    }

    static double[][] sub(double[][] a, double[][] b) {
        return add(a, scale(b, -1));
    }

    static double[][] scale(double[][] a, double s) {
        double[][] c = copy(a);
        for (double[] row : c) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= s;
            }
        }
        return c;
    }

    static int size(double[][] a) {
        return a.length * a[0].length;
    }
}
