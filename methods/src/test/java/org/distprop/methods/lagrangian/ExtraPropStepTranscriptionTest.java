package org.distprop.methods.lagrangian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.distprop.datasets.Batch;
import org.distprop.datasets.Split;
import org.junit.jupiter.api.Test;

/**
 * One ExtraProp step (sparse-row state table with its Adagrad rows, multiplier table, dense weights)
 * against a plain-Java double-precision transcription of method-spec §2.4 + §2.6.2 (extragradient)
 * and §2.6.3 (the legacy double step): the whole tiny forward/backward is written out in
 * {@link TinyMlp}; only the initial values (random weights, states, accumulators, multipliers the
 * test writes) are read from the graph.
 */
class ExtraPropStepTranscriptionTest {
    private static final int H = TinyMlp.H;
    private static final int N = 12;
    private static final double LR_THETA = 0.01;
    private static final double LR_X = 0.1;
    private static final double LR_Y = 0.5;
    private static final double MARGIN = 0.05;
    /** Float tolerance: |tf - ref| <= ABS + REL |ref|. */
    private static final double ABS = 2e-5;
    private static final double REL = 1e-4;

    private final Split train = TinyProblem.split(N, 11);
    private final int[] idx = {1, 4, 6, 9};
    private final Batch b = TinyProblem.batch(train, idx);

    @Test
    void extragradientStepMatchesTranscription() {
        check("extragradient");
    }

    @Test
    void legacyDoubleStepMatchesTranscription() {
        check("legacy_double_step");
    }

    private void check(String rule) {
        Random rnd = new Random(3);
        try (TabularMethod m = (TabularMethod) TinyProblem.create("extraprop", train, Map.of("step_rule", rule,
                "lr_theta", "" + LR_THETA, "lr_x", "" + LR_X, "lr_y", "" + LR_Y, "margin", "" + MARGIN))) {
            var st = m.states();
            var mt = m.multipliers();
            // a point away from the (zero-defect) initialisation: random states, accumulators, multipliers
            float[] s0 = new float[(int) st.size()];
            float[] acc0 = new float[(int) st.size()];
            float[] lam0 = new float[(int) mt.size()];
            for (int i = 0; i < s0.length; i++) {
                s0[i] = (float) (0.3 * rnd.nextGaussian());
                acc0[i] = (float) (0.01 * rnd.nextDouble());
                lam0[i] = (float) (0.5 * rnd.nextGaussian());
            }
            m.write(st.table(), s0);
            m.write(st.adagrad(), acc0);
            m.write(mt.table(), lam0);
            double[][] p = new double[6][];
            for (int i = 0; i < 6; i++) {
                p[i] = TinyMlp.toDouble(m.read(m.spec().dense().get(i)));
            }

            double[][] ref = transcribe(rule, p, s0, acc0, lam0);
            m.step(b);
            float[] s1 = m.read(st.table());
            float[] acc1 = m.read(st.adagrad());
            float[] lam1 = m.read(mt.table());
            String[] names = {"states", "state adagrad", "multipliers"};
            float[][] got = {s1, acc1, lam1};
            float[][] before = {s0, acc0, lam0};
            double worst = 0;
            for (int t = 0; t < 3; t++) {
                for (int r = 0; r < idx.length; r++) {
                    for (int k = 0; k < H; k++) {
                        double e = ref[t][r * H + k];
                        double v = got[t][idx[r] * H + k];
                        worst = Math.max(worst, Math.abs(v - e) / (ABS + REL * Math.abs(e)));
                        assertEquals(e, v, ABS + REL * Math.abs(e), rule + " " + names[t] + " row " + idx[r] + " feature " + k);
                    }
                }
                for (int row = 0; row < N; row++) {
                    if (!contains(idx, row)) {
                        for (int k = 0; k < H; k++) {
                            assertEquals(before[t][row * H + k], got[t][row * H + k], rule + " " + names[t] + " row " + row
                                    + " outside the batch changed");
                        }
                    }
                }
            }
            // the step must actually move every table (else the comparison proves little)
            for (int t = 0; t < 3; t++) {
                double moved = 0;
                for (int r = 0; r < idx.length; r++) {
                    for (int k = 0; k < H; k++) {
                        moved = Math.max(moved, Math.abs(got[t][idx[r] * H + k] - before[t][idx[r] * H + k]));
                    }
                }
                assertTrue(moved > 1e-3, rule + " " + names[t] + " barely moved: " + moved);
            }
            System.out.printf("%s: worst |tf-ref| / (%.0e + %.0e |ref|) = %.3f%n", rule, ABS, REL, worst);
        }
    }

    /** Gradient of L at (p, batch states s, batch multipliers lam); returns [dense grads..., dS, g]. */
    private record Eval(double[][] dp, double[] ds, double[] g) {
    }

    private Eval evaluate(double[][] p, double[] s, double[] lam) {
        int nb = idx.length;
        double[][] dp = TinyMlp.zerosLike(p);
        double[] ds = new double[nb * H];
        double[] g = new double[nb * H];
        double[] loss = new double[1];
        for (int r = 0; r < nb; r++) {
            var f = TinyMlp.f0(p, b.images(), r, true);
            double[] h = new double[H];
            for (int k = 0; k < H; k++) {
                h[k] = Math.max(0, s[r * H + k]);
            }
            // loss = mean NLL(f_1(ReLU(s_hat)))
            double[] dh = TinyMlp.f1NllBackward(p, h, b.labels()[r], 1.0 / nb, dp, loss);
            // + sum lambda * softshrink(a - h, m)
            double[] da = new double[H];
            for (int k = 0; k < H; k++) {
                double v = f.a()[k] - h[k];
                g[r * H + k] = Math.signum(v) * Math.max(Math.abs(v) - MARGIN, 0);
                double dv = Math.abs(v) > MARGIN ? lam[r * H + k] : 0;
                da[k] = dv;
                dh[k] -= dv;
            }
            TinyMlp.f0Backward(p, f, da, true, dp);
            for (int k = 0; k < H; k++) {
                ds[r * H + k] = s[r * H + k] > 0 ? dh[k] : 0;
            }
        }
        return new Eval(dp, ds, g);
    }

    /** The batch rows after one step: {states, state accumulators, multipliers}, each [B * H]. */
    private double[][] transcribe(String rule, double[][] p, float[] sAll, float[] accAll, float[] lamAll) {
        int nb = idx.length;
        double[] s = new double[nb * H];
        double[] acc = new double[nb * H];
        double[] lam = new double[nb * H];
        for (int r = 0; r < nb; r++) {
            for (int k = 0; k < H; k++) {
                s[r * H + k] = sAll[idx[r] * H + k];
                acc[r * H + k] = accAll[idx[r] * H + k];
                lam[r * H + k] = lamAll[idx[r] * H + k];
            }
        }
        // 1. evaluation at (w_k, lambda_k); extrapolation: Adagrad (dense accumulators start at 0) / SGD ascent
        Eval e0 = evaluate(p, s, lam);
        double[][] pHalf = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            double[] dacc = new double[p[i].length];
            pHalf[i] = new double[p[i].length];
            for (int j = 0; j < p[i].length; j++) {
                pHalf[i][j] = TinyMlp.adagrad(p[i][j], e0.dp()[i][j], dacc, j, LR_THETA);
            }
        }
        double[] sHalf = new double[nb * H];
        double[] lamHalf = new double[nb * H];
        for (int j = 0; j < nb * H; j++) {
            sHalf[j] = TinyMlp.adagrad(s[j], e0.ds()[j], acc, j, LR_X); // acc += g0^2
            lamHalf[j] = lam[j] + LR_Y * e0.g()[j];
        }
        // 2. evaluation at the extrapolated point
        Eval e1 = evaluate(pHalf, sHalf, lamHalf);
        double[] s1 = new double[nb * H];
        double[] lam1 = new double[nb * H];
        boolean legacy = rule.equals("legacy_double_step");
        for (int j = 0; j < nb * H; j++) {
            // extragradient: from w_k / lambda_k; legacy (§2.6.3): from the extrapolated point, no restore
            double from = legacy ? sHalf[j] : s[j];
            s1[j] = TinyMlp.adagrad(from, e1.ds()[j], acc, j, LR_X); // acc += g1^2: two accumulations
            lam1[j] = (legacy ? lamHalf[j] : lam[j]) + LR_Y * e1.g()[j];
        }
        return new double[][] {s1, acc, lam1};
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
