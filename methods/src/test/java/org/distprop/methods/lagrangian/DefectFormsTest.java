package org.distprop.methods.lagrangian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.distprop.datasets.Batch;
import org.distprop.datasets.Split;
import org.distprop.methods.BlockDefect;
import org.junit.jupiter.api.Test;

/**
 * Defect values against hand transcriptions in plain Java:
 * <ul>
 * <li>DistProp's ImageNet per-example scalar constraint (method-spec §3): with
 * {@code z_i = (f_0(x_i) - mu_{y_i}) / sigma_{y_i}}, {@code l1_mean} is shrink(mean_h |z_ih|, m)
 * (the code) and {@code l1_sum} is shrink(sum_h |z_ih|, m) (the paper's L1); hard shrink keeps
 * s if s > m (code), soft shrink gives max(s - m, 0) = the paper's ReLU(s - eps).</li>
 * <li>The signed mean defect the authors logged for Regularized ({@code train/mean_defect},
 * §2.2/§4.1), reported as {@link BlockDefect#signedMean()} beside mean |g|, from the first
 * evaluation's shrunk defects.</li>
 * </ul>
 */
class DefectFormsTest {
    private static final int H = TinyMlp.H;
    private static final int C = TinyMlp.C;

    private final Split train = TinyProblem.split(12, 19);
    private final Batch b = TinyProblem.batch(train, 0, 4, 5, 9, 10);

    @Test
    void l1MeanAndSumWithHardAndSoftShrink() {
        for (String form : new String[] {"l1_mean", "l1_sum"}) {
            // margin 0, hard shrink: the unshrunk scalar s_i itself
            double[] s = unshrunk(form);
            double[] sorted = s.clone();
            Arrays.sort(sorted);
            double margin = (sorted[1] + sorted[2]) / 2; // two examples inside the margin, three outside
            for (String shrink : new String[] {"hard", "soft"}) {
                float[] g = defects(form, shrink, margin, null);
                assertEquals(b.size(), g.length, "one scalar per example");
                int zeros = 0;
                for (int r = 0; r < b.size(); r++) {
                    double expected = s[r] > margin ? (shrink.equals("hard") ? s[r] : s[r] - margin) : 0;
                    zeros += expected == 0 ? 1 : 0;
                    assertEquals(expected, g[r], 1e-5 * Math.max(1, s[r]), form + " " + shrink + " example " + r);
                }
                assertEquals(2, zeros, "the margin splits the batch");
            }
        }
    }

    /** Runs a margin-0 hard-shrink instance and checks it against the transcription; returns s. */
    private double[] unshrunk(String form) {
        double[] s = new double[b.size()];
        float[] g = defects(form, "hard", 0, s);
        for (int r = 0; r < b.size(); r++) {
            assertEquals(s[r], g[r], 1e-5 * Math.max(1, s[r]), form + " unshrunk example " + r);
        }
        return s;
    }

    /**
     * The graph's defects for known prototypes (written) on the batch; if {@code sOut} is non-null it
     * receives the transcription's unshrunk s_i (mean or sum of |z_i|).
     */
    private float[] defects(String form, String shrink, double margin, double[] sOut) {
        try (DistPropMethod m = (DistPropMethod) TinyProblem.create("distprop", train,
                Map.of("defect_form", form, "shrink", shrink, "margin", "" + margin))) {
            Random rnd = new Random(23);
            float[] mu = new float[C * H];
            float[] wSigma = new float[C * H];
            for (int j = 0; j < C * H; j++) {
                mu[j] = (float) (0.2 * rnd.nextGaussian());
                wSigma[j] = (float) rnd.nextGaussian();
            }
            m.write(m.mu(), mu);
            m.write(m.sigma(), wSigma);
            if (sOut != null) {
                double[][] p = new double[6][];
                for (int i = 0; i < 6; i++) {
                    p[i] = TinyMlp.toDouble(m.read(m.spec().dense().get(i)));
                }
                for (int r = 0; r < b.size(); r++) {
                    int y = b.labels()[r];
                    double[] a = TinyMlp.f0(p, b.images(), r, false).a();
                    double sum = 0;
                    for (int k = 0; k < H; k++) {
                        sum += Math.abs((a[k] - mu[y * H + k]) / TinyMlp.softplus(wSigma[y * H + k]));
                    }
                    sOut[r] = form.equals("l1_mean") ? sum / H : sum;
                }
            }
            return m.defectAt(b);
        }
    }

    @Test
    void regularizedSignedMeanDefectBesideMeanAbs() {
        double margin = 0.05;
        try (PrimalDualMethod m = TinyProblem.create("regularized", train, Map.of("margin", "" + margin))) {
            var states = m.spec().rows().get(0);
            Random rnd = new Random(29);
            float[] s = new float[(int) states.size()];
            for (int j = 0; j < s.length; j++) {
                s[j] = (float) (0.3 * rnd.nextGaussian() + 0.05);
            }
            m.write(states.table(), s);
            double[][] p = new double[6][];
            for (int i = 0; i < 6; i++) {
                p[i] = TinyMlp.toDouble(m.read(m.spec().dense().get(i)));
            }
            // d_i = softshrink(f_0(x_i) - ReLU(s_hat_i), m); train/mean_defect = mean over (i, h) of d
            double sum = 0;
            double sumAbs = 0;
            for (int r = 0; r < b.size(); r++) {
                double[] a = TinyMlp.f0(p, b.images(), r, true).a();
                int i = b.indices()[r];
                for (int k = 0; k < H; k++) {
                    double v = a[k] - Math.max(0, s[i * H + k]);
                    double d = Math.signum(v) * Math.max(Math.abs(v) - margin, 0);
                    sum += d;
                    sumAbs += Math.abs(d);
                }
            }
            double mean = sum / (b.size() * H);
            double meanAbs = sumAbs / (b.size() * H);
            BlockDefect d = m.step(b).defects().get(0);
            assertEquals(mean, d.signedMean(), 1e-6 + 1e-4 * Math.abs(mean), "signed mean defect");
            assertEquals(meanAbs, d.meanAbs(), 1e-6 + 1e-4 * meanAbs, "mean |defect|");
            assertTrue(Math.abs(mean) < 0.9 * meanAbs, "mixed signs, so the two statistics differ: " + mean + " vs " + meanAbs);
        }
    }

    @Test
    void signedMeanIsFilledForEveryMethodWithADefect() {
        for (String method : new String[] {"gda", "extraprop", "distprop"}) {
            try (PrimalDualMethod m = TinyProblem.create(method, train, Map.of("margin", "0"))) {
                if (m.spec().rows().size() > 0) { // tabular: move the states off the zero-defect init
                    var st = m.spec().rows().get(0);
                    Random rnd = new Random(31);
                    float[] s = new float[(int) st.size()];
                    for (int j = 0; j < s.length; j++) {
                        s[j] = (float) (0.3 * rnd.nextGaussian());
                    }
                    m.write(st.table(), s);
                }
                double mean = 0;
                for (float v : m.defectAt(b)) {
                    mean += v;
                }
                mean /= b.size() * H;
                double got = m.step(b).defects().get(0).signedMean();
                assertEquals(mean, got, 1e-6 + 1e-4 * Math.abs(mean), method + " signed mean");
                assertTrue(mean != 0, method + ": test point has a non-zero mean defect");
            }
        }
    }
}
