package org.distprop.methods.lagrangian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.distprop.datasets.Batch;
import org.distprop.datasets.Split;
import org.distprop.methods.DatasetInfo;
import org.distprop.methods.Hyperparams;
import org.distprop.methods.MethodContext;
import org.distprop.methods.MethodRegistry;
import org.distprop.methods.StepMetrics;
import org.junit.jupiter.api.Test;

/** Per-example tables: zero initial defect, row-sparse updates, exact auxiliary counts, divergence. */
class TablesAndCountsTest {
    private static final int MLP_H = 256;

    @Test
    void extraPropStartsWithExactlyZeroDefect() {
        Split train = TinyProblem.split(40, 5);
        Batch b = TinyProblem.batch(train, 0, 7, 13, 22, 39);
        try (PrimalDualMethod m = TinyProblem.create("extraprop", train, Map.of())) {
            for (float d : m.defectAt(b)) {
                assertEquals(0f, d, "shrunk defect at step 0");
            }
            StepMetrics s = m.step(b);
            assertEquals(0.0, s.defects().get(0).meanAbs());
            assertEquals(0.0, s.defects().get(0).maxAbs());
            assertEquals(1.0, s.defects().get(0).fractionWithinMargin());
        }
        // without a margin the raw difference f_0(x) - ReLU(state) is what the init pass makes 0
        try (PrimalDualMethod m = TinyProblem.create("extraprop", train, Map.of("margin", "0"))) {
            for (float d : m.defectAt(b)) {
                assertEquals(0f, d, 1e-6f, "unshrunk defect at step 0");
            }
        }
    }

    @Test
    void updatesTouchOnlyTheBatchRows() {
        Split train = TinyProblem.split(40, 5);
        int[] idx = {2, 3, 17, 31};
        Batch b = TinyProblem.batch(train, idx);
        Set<Integer> inBatch = new HashSet<>();
        for (int i : idx) {
            inBatch.add(i);
        }
        for (String rule : List.of("extragradient", "legacy_double_step", "gda")) {
            // margin 0 so the (tiny) defects move the multipliers too
            try (TabularMethod m = (TabularMethod) TinyProblem.create("extraprop", train,
                    Map.of("margin", "0", "step_rule", rule, "lr_y", "0.5"))) {
                var tables = List.of(m.states().table(), m.states().adagrad(), m.multipliers().table());
                float[][] before = new float[3][];
                for (int t = 0; t < 3; t++) {
                    before[t] = m.read(tables.get(t));
                }
                m.write(m.multipliers().table(), before[2]); // no-op write keeps the hooks honest
                m.step(b);
                m.step(b);
                for (int t = 0; t < 3; t++) {
                    float[] after = m.read(tables.get(t));
                    for (int row = 0; row < 40; row++) {
                        boolean changed = false;
                        for (int h = 0; h < MLP_H; h++) {
                            changed |= after[row * MLP_H + h] != before[t][row * MLP_H + h];
                        }
                        if (inBatch.contains(row)) {
                            assertTrue(changed, rule + ": table " + t + " batch row " + row + " unchanged");
                        } else {
                            assertFalse(changed, rule + ": table " + t + " row " + row + " outside the batch changed");
                        }
                    }
                }
            }
        }
    }

    @Test
    void distPropStateCountIsIndependentOfDatasetSizeExtraPropGrowsLinearly() {
        int c = TinyProblem.CLASSES;
        for (int n : new int[] {1_000, 60_000}) {
            Split train = TinyProblem.split(n, 1);
            try (var m = TinyProblem.create("extraprop", train, Map.of())) {
                assertEquals(2L * n * MLP_H, m.auxiliaryVariableCount(), "extraprop: states + multipliers, |D| x H each");
            }
            try (var m = TinyProblem.create("regularized", train, Map.of())) {
                assertEquals((long) n * MLP_H, m.auxiliaryVariableCount(), "regularized: states only");
            }
            try (var m = TinyProblem.create("distprop", train, Map.of("multipliers", "per_class"))) {
                assertEquals(2L * c * MLP_H + (long) c * MLP_H, m.auxiliaryVariableCount(), "distprop (Algorithm 1 multipliers)");
            }
            try (var m = TinyProblem.create("distprop", train, Map.of())) {
                // as run (spec §2.5.1): prototypes 2CH independent of |D|, multipliers per example
                assertEquals(2L * c * MLP_H + (long) n * MLP_H, m.auxiliaryVariableCount(), "distprop (as-run multipliers)");
            }
            try (var m = TinyProblem.create("distprop", train, Map.of("defect_form", "l1_mean"))) {
                assertEquals(2L * c * MLP_H + n, m.auxiliaryVariableCount(), "distprop, ImageNet per-example scalar constraint");
            }
        }
    }

    @Test
    void divergenceIsReportedNotThrown() {
        Split train = TinyProblem.split(24, 2);
        Batch b = TinyProblem.batch(train, 0, 1, 2, 3);
        for (String method : List.of("regularized", "gda", "extraprop", "distprop")) {
            try (var m = TinyProblem.create(method, train, Map.of("lr_theta", "1e30", "lr_x", "1e30"))) {
                boolean diverged = false;
                for (int k = 0; k < 5 && !diverged; k++) {
                    diverged = !m.step(b).isFinite();
                }
                assertTrue(diverged, method + " with lr 1e30 should report non-finite metrics");
            }
        }
    }

    @Test
    void sameSeedSameTraceAndStatesNeedTheTrainingSplit() {
        Split train = TinyProblem.split(24, 2);
        Batch b = TinyProblem.batch(train, 5, 6, 7, 8);
        double[][] loss = new double[2][3];
        for (int r = 0; r < 2; r++) {
            try (var m = TinyProblem.create("distprop", train, Map.of("num_samples", "4"))) {
                for (int k = 0; k < 3; k++) {
                    loss[r][k] = m.step(b).loss();
                }
            }
        }
        assertEquals(loss[0][0], loss[1][0]);
        assertEquals(loss[0][2], loss[1][2]);
        assertNotEquals(loss[0][0], loss[0][1], "fresh noise and updates change the loss between steps");

        var f = MethodRegistry.get("extraprop");
        var hp = Hyperparams.resolve("extraprop", f.hyperparameters("mnist"), Map.of("arch", "mlp"));
        var info = new DatasetInfo("tiny", TinyProblem.SHAPE, TinyProblem.CLASSES, 24);
        var e = assertThrows(IllegalArgumentException.class, () -> f.create(new MethodContext(info, hp, 1L, 2)));
        assertTrue(e.getMessage().contains("training"), e.getMessage());
    }
}
