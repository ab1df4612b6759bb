package org.distprop.methods.lagrangian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Map;
import org.distprop.datasets.Batch;
import org.distprop.datasets.Split;
import org.junit.jupiter.api.Test;

/**
 * DistProp's synthetic-sample noise (method-spec §2.5.2, §6 #5). {@code noise=fresh} (as run): the
 * two evaluations of one extragradient step draw different eps and every step draws anew;
 * {@code noise=fixed} (the paper's derandomisation): one constant snapshot at every evaluation of
 * every step. The noise is read through {@link DistPropMethod#noiseAt}; that it is the noise the step
 * really uses is checked by recomputing the step's reported loss (the first evaluation's sample
 * loss) in plain Java from it, at step 0 and at step 1 (after an update). (The extrapolated
 * evaluation's draw enters {@link PerClassDualUpdateTest}'s transcription of the whole step.)
 */
class DistPropNoiseTest {
    private static final int S = 3;
    private final Split train = TinyProblem.split(12, 17);
    private final Batch b = TinyProblem.batch(train, 2, 5, 7);

    @Test
    void freshNoiseDiffersBetweenEvaluationsAndSteps() {
        try (DistPropMethod m = create("fresh")) {
            float[] e00 = m.noiseAt(0, b, 0);
            float[] e01 = m.noiseAt(1, b, 0);
            float[] e10 = m.noiseAt(0, b, 1);
            float[] e11 = m.noiseAt(1, b, 1);
            assertFalse(Arrays.equals(e00, e01), "extrapolation and update evaluations of step 0 share eps");
            assertFalse(Arrays.equals(e00, e10), "steps 0 and 1 share the first evaluation's eps");
            assertFalse(Arrays.equals(e01, e11), "steps 0 and 1 share the extrapolated evaluation's eps");
            assertFalse(Arrays.equals(e01, e10), "step 0's second draw reused as step 1's first");
            for (float[] e : new float[][] {e00, e01, e10, e11}) {
                assertStandardNormal(e);
            }
            assertLossUses(m, e00, 0);
            assertLossUses(m, e10, 1);
        }
    }

    @Test
    void fixedNoiseIsOneConstantSnapshot() {
        try (DistPropMethod m = create("fixed")) {
            float[] snap = m.noiseAt(0, b, 0);
            assertStandardNormal(snap);
            for (long step : new long[] {0, 1, 7}) {
                for (int ev = 0; ev < 2; ev++) {
                    assertArrayEquals(snap, m.noiseAt(ev, b, step), "fixed noise at step " + step + " evaluation " + ev);
                }
            }
            assertLossUses(m, snap, 0);
            assertLossUses(m, snap, 1);
        }
    }

    private DistPropMethod create(String noise) {
        return (DistPropMethod) TinyProblem.create("distprop", train, Map.of("noise", noise, "num_samples", "" + S,
                "lr_theta", "0.01", "lr_x", "0.05"));
    }

    /** Runs training step {@code step} and checks its reported loss against the Java loss with eps. */
    private void assertLossUses(DistPropMethod m, float[] eps, int step) {
        double[][] p = new double[8][];
        for (int i = 0; i < 8; i++) {
            p[i] = TinyMlp.toDouble(m.read(m.spec().dense().get(i)));
        }
        // lambda plays no part in the sample loss; use zeros
        double expected = DistPropTranscription.evaluate(p, b, new double[b.size() * TinyMlp.H], eps, S, 0.3).loss();
        double got = m.step(b).loss();
        assertEquals(expected, got, 1e-5 * Math.max(1, expected), "loss of step " + step + " from the hook's eps");
    }

    private static void assertStandardNormal(float[] e) {
        double mean = 0;
        double sq = 0;
        for (float v : e) {
            mean += v;
            sq += (double) v * v;
        }
        mean /= e.length;
        double var = sq / e.length - mean * mean;
        assertEquals(S * TinyMlp.C * TinyMlp.H, e.length, "eps is [S, C, H]");
        assertEquals(0, mean, 0.1, "eps mean");
        assertEquals(1, var, 0.15, "eps variance");
    }
}
