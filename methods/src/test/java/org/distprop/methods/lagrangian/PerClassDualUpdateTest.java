package org.distprop.methods.lagrangian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.distprop.datasets.Batch;
import org.distprop.datasets.Split;
import org.junit.jupiter.api.Test;

/**
 * DistProp with {@code multipliers=per_class} (Algorithm 1's lambda_{y(i)}) on a batch whose labels
 * repeat (0, 0, 0, 1; class 2 absent). The Lagrangian sums over the batch (method-spec §2.0), so
 * dL/dlambda_c = sum over the batch rows of class c of g_i, and the ascent step adds
 * lr_y * that SUM (not the mean) to row c; a scatter that kept one write per index would lose two of
 * class 0's three contributions. Checked for every step rule against a plain-Java double-precision
 * transcription of the whole step ({@link DistPropTranscription}, §2.6.2/§2.6.3): the multiplier
 * rows, and W_mu, W_sigma and the block-0 weights, which see the extrapolated multipliers
 * lambda_{k+1/2} (where the per-class sum must also be taken over the repeated labels), and their
 * Adagrad accumulators.
 */
class PerClassDualUpdateTest {
    private static final int H = TinyMlp.H;
    private static final int C = TinyMlp.C;
    private static final int S = 3;
    private static final double LR_THETA = 0.01;
    private static final double LR_X = 0.05;
    private static final double LR_Y = 0.5;
    private static final double MARGIN = 0.05;
    private static final double ABS = 2e-5;
    private static final double REL = 1e-4;

    private final Split train = TinyProblem.split(12, 13);
    private final Batch b = TinyProblem.batch(train, 0, 3, 6, 1); // labels i % 3: 0, 0, 0, 1

    @Test
    void gda() {
        check("gda");
    }

    @Test
    void extragradient() {
        check("extragradient");
    }

    @Test
    void legacyDoubleStep() {
        check("legacy_double_step");
    }

    private void check(String rule) {
        assertEquals(0, b.labels()[0]);
        assertEquals(0, b.labels()[2]);
        try (DistPropMethod m = (DistPropMethod) TinyProblem.create("distprop", train, Map.of("multipliers", "per_class",
                "step_rule", rule, "lr_theta", "" + LR_THETA, "lr_x", "" + LR_X, "lr_y", "" + LR_Y, "margin", "" + MARGIN,
                "num_samples", "" + S))) {
            var mt = m.multipliers();
            Random rnd = new Random(5);
            float[] lam0 = new float[C * H];
            for (int j = 0; j < lam0.length; j++) {
                lam0[j] = (float) (0.5 * rnd.nextGaussian());
            }
            m.write(mt.table(), lam0);
            double[][] p = new double[8][];
            for (int i = 0; i < 8; i++) {
                p[i] = TinyMlp.toDouble(m.read(m.spec().dense().get(i)));
            }
            // positive dense accumulators: from zero, Adagrad's first step is lr * sign(g), discontinuous
            // at g = 0, and float vs double can flip the sign of a near-zero gradient entry
            double[][] acc = new double[8][];
            for (int i = 0; i < 8; i++) {
                float[] a = new float[p[i].length];
                for (int j = 0; j < a.length; j++) {
                    a[j] = (float) (0.005 + 0.01 * rnd.nextDouble());
                }
                m.write(m.denseAdagrad().get(i), a);
                acc[i] = TinyMlp.toDouble(a);
            }
            float[] eps0 = m.noiseAt(0, b, 0);
            float[] eps1 = rule.equals("gda") ? null : m.noiseAt(1, b, 0);

            // transcription
            double[] lam = TinyMlp.toDouble(lam0);
            var e0 = DistPropTranscription.evaluate(p, b, gatherRows(lam), eps0, S, MARGIN);
            double[][] pHalf = adagrad(p, e0.dp(), acc);
            double[] lamHalf = ascend(lam, e0.g());
            double[][] pRef;
            double[] lamRef;
            if (rule.equals("gda")) {
                pRef = pHalf;
                lamRef = lamHalf;
            } else {
                var e1 = DistPropTranscription.evaluate(pHalf, b, gatherRows(lamHalf), eps1, S, MARGIN);
                boolean legacy = rule.equals("legacy_double_step");
                pRef = adagrad(legacy ? pHalf : p, e1.dp(), acc);
                lamRef = ascend(legacy ? lamHalf : lam, e1.g());
            }

            m.step(b);
            float[] lamTf = m.read(mt.table());
            for (int j = 0; j < C * H; j++) {
                assertEquals(lamRef[j], lamTf[j], ABS + REL * Math.abs(lamRef[j]), rule + " multiplier class " + j / H
                        + " feature " + j % H);
            }
            for (int k = 0; k < H; k++) {
                assertEquals(lam0[2 * H + k], lamTf[2 * H + k], rule + ": class 2 is not in the batch");
            }
            // the summed contributions are what moved class 0 (the pitfall would keep one of three)
            double moved0 = 0;
            for (int k = 0; k < H; k++) {
                moved0 = Math.max(moved0, Math.abs(lamTf[k] - lam0[k]));
            }
            assertTrue(moved0 > 1e-2, rule + ": class 0 multipliers barely moved " + moved0);
            String[] names = {"W1", "b1", "W2", "b2", "W3", "b3", "W_mu", "W_sigma"};
            double worst = 0;
            for (int i = 0; i < 8; i++) {
                float[] v = m.read(m.spec().dense().get(i));
                for (int j = 0; j < v.length; j++) {
                    double e = pRef[i][j];
                    worst = Math.max(worst, Math.abs(v[j] - e) / (ABS + REL * Math.abs(e)));
                    assertEquals(e, v[j], ABS + REL * Math.abs(e), rule + " " + names[i] + "[" + j + "]");
                }
            }
            for (int i = 0; i < 8; i++) {
                float[] v = m.read(m.denseAdagrad().get(i));
                for (int j = 0; j < v.length; j++) {
                    double e = acc[i][j]; // + g0^2 (+ g1^2): two accumulations for the two-evaluation rules
                    assertEquals(e, v[j], 1e-7 + REL * Math.abs(e), rule + " " + names[i] + " accumulator [" + j + "]");
                }
            }
            System.out.printf("per-class %s: worst dense |tf-ref| / tol = %.3f%n", rule, worst);
        }
    }

    /** Per-class multiplier table [C, H] gathered at the batch labels, [B, H]. */
    private double[] gatherRows(double[] lam) {
        double[] out = new double[b.size() * H];
        for (int r = 0; r < b.size(); r++) {
            System.arraycopy(lam, b.labels()[r] * H, out, r * H, H);
        }
        return out;
    }

    /** lambda_c + lr_y * sum_{r: y_r = c} g_r (the gradient of the batch-summed Lagrangian). */
    private double[] ascend(double[] lam, double[] g) {
        double[] out = lam.clone();
        for (int r = 0; r < b.size(); r++) {
            int c = b.labels()[r];
            for (int k = 0; k < H; k++) {
                out[c * H + k] += LR_Y * g[r * H + k];
            }
        }
        return out;
    }

    /** One Adagrad step on every dense tensor (theta at lr_theta, W_mu/W_sigma at lr_x); acc updated. */
    private static double[][] adagrad(double[][] p, double[][] g, double[][] acc) {
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            double lr = i >= 6 ? LR_X : LR_THETA;
            out[i] = new double[p[i].length];
            for (int j = 0; j < p[i].length; j++) {
                out[i][j] = TinyMlp.adagrad(p[i][j], g[i][j], acc[i], j, lr);
            }
        }
        return out;
    }
}
