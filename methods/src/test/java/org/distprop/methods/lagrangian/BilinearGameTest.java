package org.distprop.methods.lagrangian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.distprop.methods.core.Optimizers;
import org.distprop.methods.core.RowTable;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * min_x max_y x*y through the real {@link PrimalDual} machinery: the primal x is a dense variable
 * (Adagrad), the constraint is g(x) = x and y is its multiplier (SGD ascent), so the Lagrangian is
 * 0 + y*x. Truth: a Java transcription of method-spec §2.6.2 / §2.6.3, and the known behaviour
 * (GDA spirals out, extragradient converges to the saddle (0, 0)).
 */
class BilinearGameTest {
    private static final float LR_X = 0.5f;
    private static final float LR_Y = 0.5f;
    private static final int STEPS = 300;

    @Test
    void extragradientConvergesWhereGdaSpiralsOut() {
        double r0 = Math.hypot(1, 1);
        double[] eg = run(StepRule.EXTRAGRADIENT);
        double[] gda = run(StepRule.GDA);
        double rEg = Math.hypot(eg[0], eg[1]);
        double rGda = Math.hypot(gda[0], gda[1]);
        double[] legacy = run(StepRule.LEGACY_DOUBLE_STEP);
        assertTrue(Math.hypot(legacy[0], legacy[1]) > r0, "the as-run double GDA step spirals out too");
        assertTrue(rEg < 0.25 * r0, "extragradient should approach the saddle, radius " + rEg);
        assertTrue(rGda > r0, "GDA should spiral out, radius " + rGda);
    }

    @Test
    void everyStepRuleMatchesTheSpecTranscription() {
        for (StepRule rule : StepRule.values()) {
            double[] tf = run(rule);
            double[] ref = reference(rule);
            assertEquals(ref[0], tf[0], 1e-3 * Math.max(1, Math.abs(ref[0])), rule + " x");
            assertEquals(ref[1], tf[1], 1e-3 * Math.max(1, Math.abs(ref[1])), rule + " y");
        }
    }

    /** The spec's update formulas in double precision, x0 = y0 = 1. */
    static double[] reference(StepRule rule) {
        double x = 1;
        double y = 1;
        double acc = 0;
        double eps = Optimizers.ADAGRAD_EPS;
        for (int k = 0; k < STEPS; k++) {
            double gx = y;      // dL/dx
            double gy = x;      // dL/dy = constraint value
            acc += gx * gx;
            double xt = x - LR_X * gx / (Math.sqrt(acc) + eps);
            double yt = y + LR_Y * gy;
            switch (rule) {
                case GDA -> {
                    x = xt;
                    y = yt;
                }
                case EXTRAGRADIENT -> {
                    double gx1 = yt;
                    acc += gx1 * gx1;
                    x = x - LR_X * gx1 / (Math.sqrt(acc) + eps); // from the original point
                    y = y + LR_Y * xt;
                }
                case LEGACY_DOUBLE_STEP -> {
                    double gx1 = yt;
                    acc += gx1 * gx1;
                    x = xt - LR_X * gx1 / (Math.sqrt(acc) + eps); // from the extrapolated point
                    y = yt + LR_Y * xt;
                }
            }
        }
        return new double[] {x, y};
    }

    static double[] run(StepRule rule) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            var x = tf.withName("x").variable(tf.fill(tf.constant(new long[] {1, 1}), tf.constant(1f)));
            var keys = tf.constant(new int[] {0});
            var mult = RowTable.zeros(tf, "y", 1, 1, keys, false, true);
            var init = tf.assign(mult.table(), tf.fill(tf.constant(new long[] {1, 1}), tf.constant(1f)));
            Formulation f = (ops, dense, rows, lam, noise) -> {
                // x * 1: a computed tensor, not the ref variable itself, whose buffer an in-place
                // update could change before the dual update reads it
                var gx = ops.math.mul(dense.get(0), ops.constant(1f));
                var value = ops.reduceSum(ops.math.mul(lam, gx), ops.constant(new int[] {0, 1}));
                return new Formulation.Objective(ops.constant(0f), gx, value);
            };
            var spec = new PrimalDual.Spec(List.of(x), List.of(LR_X), List.of(), List.of(), mult, LR_Y, rule);
            var noise = tf.constant(new long[] {0, 0});
            var built = PrimalDual.build(tf, spec, f, noise, noise);
            s.initialize();
            s.runner().addTarget(init).run().close();
            for (int k = 0; k < STEPS; k++) {
                var r = s.runner();
                built.updates().forEach(r::addTarget);
                built.fetches().forEach(r::fetch);
                r.run().close();
            }
            try (var r = s.runner().fetch(x).fetch(mult.table()).run()) {
                return new double[] {((TFloat32) r.get(0)).getFloat(0, 0), ((TFloat32) r.get(1)).getFloat(0, 0)};
            }
        }
    }
}
