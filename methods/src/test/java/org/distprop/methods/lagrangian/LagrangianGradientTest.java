package org.distprop.methods.lagrangian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.distprop.datasets.Batch;
import org.distprop.datasets.Split;
import org.distprop.methods.core.RowTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Each method's objective gradient (the one its update uses) against central finite differences
 * of the objective, on a tiny MLP at a point with non-zero multipliers and active constraints:
 * directional derivatives along the gradient itself (must equal its norm) and along a random
 * direction, for every primal variable (weights, prototype maps, state rows).
 */
class LagrangianGradientTest {
    private static final double H = 1e-2;

    @ParameterizedTest
    @CsvSource({
        "regularized, ",
        "gda, ",
        "extraprop, ",
        "distprop, per_feature",
        "distprop, l1_mean",
        "distprop, prototype_axis",
        "distprop, paper_init_fixed_noise_per_class",
    })
    void objectiveGradientMatchesFiniteDifferences(String method, String variant) {
        Split train = TinyProblem.split(24, 3);
        Map<String, String> hp = new java.util.HashMap<>(Map.of("margin", "0.05"));
        if ("l1_mean".equals(variant)) {
            hp.put("defect_form", "l1_mean");
        }
        if ("prototype_axis".equals(variant)) {
            hp.put("loss_form", "prototype_axis");
        }
        if ("paper_init_fixed_noise_per_class".equals(variant)) {
            hp.putAll(Map.of("init", "paper", "noise", "fixed", "multipliers", "per_class", "defect_form", "l1_sum"));
        }
        if (method.equals("distprop")) {
            hp.put("num_samples", "4");
        }
        Batch b = TinyProblem.batch(train, 1, 4, 5, 9, 13, 20);
        Random rnd = new Random(11);
        try (PrimalDualMethod m = TinyProblem.create(method, train, hp)) {
            var spec = m.spec();
            // move away from the (zero-defect, zero-multiplier) start so every term is active
            if (spec.multipliers() != null) {
                m.write(spec.multipliers().table(), randomArray(rnd, spec.multipliers().size(), 1.0));
            }
            for (RowTable t : spec.rows()) {
                m.write(t.table(), randomArray(rnd, t.size(), 1.0));
            }
            int nd = spec.dense().size();
            for (int i = 0; i < nd + spec.rows().size(); i++) {
                float[] g = m.gradientAt(i, b);
                double norm = norm(g);
                if ("prototype_axis".equals(variant) && i == nd - 3) {
                    // the head's bias adds the same value to every prototype's logit of one output
                    // unit, so a softmax over the prototype axis cancels it: exactly zero gradient
                    assertTrue(norm < 1e-5, "head bias gradient under prototype-axis softmax: " + norm);
                    continue;
                }
                assertTrue(norm > 1e-4, method + " variable " + i + " has no gradient");
                double[] along = new double[g.length];
                double[] random = new double[g.length];
                double dot = 0;
                for (int k = 0; k < g.length; k++) {
                    along[k] = g[k] / norm;
                    random[k] = rnd.nextGaussian();
                }
                double rn = norm(random);
                for (int k = 0; k < g.length; k++) {
                    random[k] /= rn;
                    dot += g[k] * random[k];
                }
                double fdAlong = i < nd ? fdDense(m, spec.dense().get(i), along, b) : fdRows(m, spec.rows().get(i - nd), along, b);
                double fdRandom = i < nd ? fdDense(m, spec.dense().get(i), random, b) : fdRows(m, spec.rows().get(i - nd), random, b);
                String what = method + (variant == null ? "" : "/" + variant) + " variable " + i;
                assertEquals(norm, fdAlong, 0.02 * norm + 1e-3, what + ": derivative along the gradient");
                assertEquals(dot, fdRandom, 0.02 * norm + 1e-3, what + ": derivative along a random direction");
            }
        }
    }

    private static double fdDense(PrimalDualMethod m, Variable<TFloat32> v, double[] dir, Batch b) {
        float[] v0 = m.read(v);
        double[] l = new double[2];
        for (int s = 0; s < 2; s++) {
            float[] p = v0.clone();
            double sign = s == 0 ? 1 : -1;
            for (int k = 0; k < p.length; k++) {
                p[k] += (float) (sign * H * dir[k]);
            }
            m.write(v, p);
            l[s] = m.objectiveAt(b);
        }
        m.write(v, v0);
        return (l[0] - l[1]) / (2 * H);
    }

    /** Perturbs the batch's rows of a table; {@code dir} is laid out like the gathered [B, width] rows. */
    private static double fdRows(PrimalDualMethod m, RowTable t, double[] dir, Batch b) {
        float[] v0 = m.read(t.table());
        double[] l = new double[2];
        for (int s = 0; s < 2; s++) {
            float[] p = v0.clone();
            double sign = s == 0 ? 1 : -1;
            for (int r = 0; r < b.size(); r++) {
                for (int h = 0; h < t.width(); h++) {
                    p[b.indices()[r] * t.width() + h] += (float) (sign * H * dir[r * t.width() + h]);
                }
            }
            m.write(t.table(), p);
            l[s] = m.objectiveAt(b);
        }
        m.write(t.table(), v0);
        return (l[0] - l[1]) / (2 * H);
    }

    private static float[] randomArray(Random r, long n, double scale) {
        float[] a = new float[(int) n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (scale * r.nextGaussian());
        }
        return a;
    }

    private static double norm(float[] a) {
        double s = 0;
        for (float v : a) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
