package org.distprop.methods.lagrangian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.distprop.datasets.Batch;
import org.distprop.datasets.Split;
import org.distprop.methods.core.Shrink;
import org.junit.jupiter.api.Test;

/**
 * The objectives against a plain-Java transcription of method-spec §2.2-2.5 on a tiny MLP
 * (16 -> 256 -> 256 | -> 3), with the weights read back from the graph.
 */
class ObjectiveValueTest {
    private static final int IN = 16;
    private static final int H = 256;
    private static final int C = TinyProblem.CLASSES;
    private static final float MARGIN = 0.05f;

    private final Split train = TinyProblem.split(24, 9);
    private final Batch b = TinyProblem.batch(train, 2, 3, 10, 11, 19);
    private final Random rnd = new Random(4);

    @Test
    void tabularLagrangianAndPenalty() {
        for (String method : new String[] {"gda", "regularized"}) {
            try (PrimalDualMethod m = TinyProblem.create(method, train, Map.of("margin", "" + MARGIN))) {
                var spec = m.spec();
                var states = spec.rows().get(0);
                m.write(states.table(), gaussian(states.size()));
                float[] lam = null;
                if (spec.multipliers() != null) {
                    lam = gaussian(spec.multipliers().size());
                    m.write(spec.multipliers().table(), lam);
                }
                float[][] p = params(m, 6);
                float[] s = m.read(states.table());
                double loss = 0;
                double constraint = 0;
                for (int r = 0; r < b.size(); r++) {
                    int i = b.indices()[r];
                    double[] a = f0(p, r, true);
                    double[] h = new double[H];
                    for (int k = 0; k < H; k++) {
                        h[k] = Math.max(0, s[i * H + k]);
                    }
                    loss += nll(dense(h, p[4], p[5], C), b.labels()[r]);
                    for (int k = 0; k < H; k++) {
                        double g = Shrink.SOFT.apply(a[k] - h[k], MARGIN);
                        constraint += lam != null ? lam[i * H + k] * g : g * g;
                    }
                }
                loss /= b.size();
                double expected = lam != null ? loss + constraint : loss + 0.06788 * constraint / (b.size() * H);
                assertEquals(expected, m.objectiveAt(b), 1e-4 * Math.abs(expected), method);
            }
        }
    }

    @Test
    void distPropConstraintTermAndSampleLoss() {
        for (String lossForm : new String[] {"logits", "prototype_axis"}) {
            try (PrimalDualMethod m = TinyProblem.create("distprop", train,
                    Map.of("margin", "" + MARGIN, "num_samples", "3", "loss_form", lossForm))) {
                var spec = m.spec();
                var mult = spec.multipliers();
                float[][] p = params(m, 8);
                // 1. the constraint term: value(lambda) - value(0), same step seed so same samples
                double base = m.objectiveAt(b);
                float[] lam = gaussian(mult.size());
                m.write(mult.table(), lam);
                double term = 0;
                for (int r = 0; r < b.size(); r++) {
                    int i = b.indices()[r];
                    int y = b.labels()[r];
                    double[] a = f0(p, r, false); // no ReLU at the split for DistProp
                    for (int k = 0; k < H; k++) {
                        double z = (a[k] - p[6][y * H + k]) / softplus(p[7][y * H + k]);
                        term += lam[i * H + k] * Shrink.SOFT.apply(z, MARGIN);
                    }
                }
                assertEquals(term, m.objectiveAt(b) - base, 1e-3 * Math.max(1, Math.abs(term)), lossForm + " constraint term");

                // 2. the sample loss: sigma -> 0 makes every sample its class mean, lambda = 0
                m.write(mult.table(), new float[(int) mult.size()]);
                float[] tiny = new float[C * H];
                Arrays.fill(tiny, -40f);
                m.write(spec.dense().get(7), tiny);
                double[][] logits = new double[C][];
                for (int c = 0; c < C; c++) {
                    double[] mu = new double[H];
                    for (int k = 0; k < H; k++) {
                        mu[k] = p[6][c * H + k];
                    }
                    logits[c] = dense(mu, p[4], p[5], C);
                }
                double loss = 0;
                for (int c = 0; c < C; c++) {
                    if (lossForm.equals("logits")) {
                        loss += nll(logits[c], c);
                    } else {
                        // softmax over the prototype axis: output unit c across the C prototypes
                        double[] unit = new double[C];
                        for (int c2 = 0; c2 < C; c2++) {
                            unit[c2] = logits[c2][c];
                        }
                        loss += nll(unit, c);
                    }
                }
                loss /= C;
                assertEquals(loss, m.objectiveAt(b), 1e-4 * loss, lossForm + " sample loss");
            }
        }
    }

    private float[][] params(PrimalDualMethod m, int n) {
        float[][] p = new float[n][];
        for (int i = 0; i < n; i++) {
            p[i] = m.read(m.spec().dense().get(i));
        }
        return p;
    }

    /** f_0 of batch row r: flatten, dense 256, ReLU, dense 256, [ReLU]. */
    private double[] f0(float[][] p, int r, boolean reluAtSplit) {
        double[] x = new double[IN];
        for (int k = 0; k < IN; k++) {
            x[k] = b.images()[r * IN + k];
        }
        double[] h1 = dense(x, p[0], p[1], H);
        for (int k = 0; k < H; k++) {
            h1[k] = Math.max(0, h1[k]);
        }
        double[] a = dense(h1, p[2], p[3], H);
        if (reluAtSplit) {
            for (int k = 0; k < H; k++) {
                a[k] = Math.max(0, a[k]);
            }
        }
        return a;
    }

    private static double[] dense(double[] x, float[] w, float[] bias, int out) {
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double s = bias[o];
            for (int k = 0; k < x.length; k++) {
                s += x[k] * w[k * out + o];
            }
            y[o] = s;
        }
        return y;
    }

    private static double nll(double[] logits, int target) {
        double max = Arrays.stream(logits).max().orElseThrow();
        double sum = 0;
        for (double l : logits) {
            sum += Math.exp(l - max);
        }
        return -(logits[target] - max - Math.log(sum));
    }

    private static double softplus(double v) {
        return Math.log1p(Math.exp(v));
    }

    private float[] gaussian(long n) {
        float[] a = new float[(int) n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextGaussian();
        }
        return a;
    }
}
