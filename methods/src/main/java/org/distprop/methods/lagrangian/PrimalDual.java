package org.distprop.methods.lagrangian;

import java.util.ArrayList;
import java.util.List;
import org.distprop.methods.core.Optimizers;
import org.distprop.methods.core.RowTable;
import org.distprop.methods.core.Vjp;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The one primal-dual machinery of the Lagrangian family: given a {@link Formulation} and the
 * variables, builds a single-session.run training step for a {@link StepRule}. Primal variables
 * (dense tensors and per-example row tables) descend the objective with Adagrad (one learning rate
 * per variable); multipliers ascend it with plain SGD, {@code lambda += lr_y * g} (the gradient of
 * the Lagrangian w.r.t. lambda is the defect g itself). Without multipliers (penalty method) the
 * step is plain Adagrad descent.
 *
 * <p>Extragradient is built functionally (tensorflow-java-notes §2.4(a)): the objective is built
 * once on the variables and once on extrapolated tensors; no variable changes until every
 * gradient and metric of the step is computed ({@link Optimizers#gated}).
 */
public final class PrimalDual {
    /** Indices of {@link Built#fetches()}. */
    public static final int LOSS = 0;
    public static final int VALUE = 1;
    public static final int MEAN_ABS = 2;
    public static final int MAX_ABS = 3;
    public static final int FRAC_WITHIN = 4;
    public static final int MULT_NORM = 5;
    public static final int SIGNED_MEAN = 6;

    /**
     * @param dense       dense primal variables (network weights, prototype maps)
     * @param denseLr     Adagrad learning rate of each dense variable
     * @param rows        per-example primal tables (states) with Adagrad accumulators
     * @param rowsLr      learning rate of each table
     * @param multipliers multiplier table aligned with the defect rows, or null for a penalty method
     * @param lrY         dual SGD learning rate
     */
    public record Spec(List<Variable<TFloat32>> dense, List<Float> denseLr, List<RowTable> rows, List<Float> rowsLr,
                       RowTable multipliers, float lrY, StepRule rule) {
    }

    /**
     * The step's fetches (scalars, in the order of the constants above), update targets, the first
     * evaluation and its gradients w.r.t. the dense variables and the gathered table rows, and the
     * dense variables' Adagrad accumulators (same order as {@link Spec#dense()}; for tests).
     */
    public record Built(List<Operand<TFloat32>> fetches, List<Op> updates, Formulation.Objective first,
                        List<Operand<TFloat32>> firstGradients, List<Variable<TFloat32>> denseAdagrad) {
    }

    private PrimalDual() {
    }

    public static Built build(Ops tf, Spec s, Formulation f, Operand<TInt64> noise0, Operand<TInt64> noise1) {
        List<Variable<TFloat32>> acc = Optimizers.accumulators(tf, s.dense(), "primal");
        List<Operand<TFloat32>> dense0 = new ArrayList<>(s.dense());
        List<Operand<TFloat32>> rows0 = new ArrayList<>();
        for (RowTable t : s.rows()) {
            rows0.add(t.gather(tf));
        }
        RowTable mt = s.multipliers();
        Operand<TFloat32> lam0 = mt == null ? null : mt.gather(tf);

        Formulation.Objective e0 = f.evaluate(tf, dense0, rows0, lam0, noise0);
        List<Operand<TFloat32>> g0 = gradients(tf, e0.value(), dense0, rows0);

        List<Operand<?>> deps = new ArrayList<>(g0);
        List<Operand<TFloat32>> g1 = null;
        if (s.rule() != StepRule.GDA) {
            // extrapolated point: Adagrad step for primal, SGD ascent for the multipliers
            List<Operand<TFloat32>> dense1 = new ArrayList<>();
            for (int i = 0; i < dense0.size(); i++) {
                dense1.add(Optimizers.adagradExtrapolate(tf, dense0.get(i), acc.get(i), g0.get(i), s.denseLr().get(i)));
            }
            List<Operand<TFloat32>> rows1 = new ArrayList<>();
            for (int i = 0; i < rows0.size(); i++) {
                RowTable t = s.rows().get(i);
                rows1.add(Optimizers.adagradExtrapolate(tf, rows0.get(i), t.gatherAdagrad(tf), g0.get(dense0.size() + i),
                        s.rowsLr().get(i)));
            }
            Operand<TFloat32> lam1 = mt == null ? null
                    : tf.math.add(lam0, mt.summedPerKey(tf, tf.math.mul(e0.defect(), tf.constant(s.lrY()))));
            Formulation.Objective e1 = f.evaluate(tf, dense1, rows1, lam1, noise1);
            g1 = gradients(tf, e1.value(), dense1, rows1);
            deps.addAll(g1);
            deps.add(e1.defect());
            if (mt != null) {
                // dual update of this iteration uses the defect at the extrapolated point
                g1.add(e1.defect());
            }
        }

        List<Operand<TFloat32>> fetches = metrics(tf, e0, lam0);
        deps.addAll(fetches);
        Ops gated = Optimizers.gated(tf, deps);
        List<Op> updates = new ArrayList<>();
        int nd = dense0.size();
        int nr = rows0.size();
        for (int i = 0; i < nd + nr; i++) {
            updates.addAll(primalUpdate(gated, s, acc, i, g0.get(i), g1 == null ? null : g1.get(i)));
        }
        if (mt != null) {
            Operand<TFloat32> dualGrad = switch (s.rule()) {
                case GDA -> e0.defect();
                case EXTRAGRADIENT -> g1.get(nd + nr);
                // two consecutive ascent steps on the same batch (spec §2.6.3), no restore
                case LEGACY_DOUBLE_STEP -> gated.math.add(e0.defect(), g1.get(nd + nr));
            };
            updates.add(Optimizers.sparseSgd(gated, mt.table(), dualGrad, mt.keys(), s.lrY()));
        }
        return new Built(fetches, updates, e0, g0, acc);
    }

    /** The update of primal variable {@code i} (dense first, then row tables) for the step rule. */
    private static List<Op> primalUpdate(Ops tf, Spec s, List<Variable<TFloat32>> acc, int i, Operand<TFloat32> g0,
                                         Operand<TFloat32> g1) {
        int nd = s.dense().size();
        boolean isRow = i >= nd;
        RowTable t = isRow ? s.rows().get(i - nd) : null;
        float lr = isRow ? s.rowsLr().get(i - nd) : s.denseLr().get(i);
        switch (s.rule()) {
            case GDA:
                return List.of(apply(tf, s, acc, i, t, g0, lr));
            case EXTRAGRADIENT: {
                // first accumulation (the extrapolation's g0^2), then the update from the original
                // point with the extrapolated gradient g1 (second accumulation inside the apply)
                Op first = isRow ? Optimizers.accumulateRows(tf, t.adagrad(), g0, t.keys()) : Optimizers.accumulate(tf, acc.get(i), g0);
                return List.of(first, apply(tf.withControlDependencies(List.of(first)), s, acc, i, t, g1, lr));
            }
            case LEGACY_DOUBLE_STEP: {
                Op first = apply(tf, s, acc, i, t, g0, lr);
                return List.of(first, apply(tf.withControlDependencies(List.of(first)), s, acc, i, t, g1, lr));
            }
            default:
                throw new IllegalStateException();
        }
    }

    private static Op apply(Ops tf, Spec s, List<Variable<TFloat32>> acc, int i, RowTable t, Operand<TFloat32> g, float lr) {
        if (t != null) {
            return Optimizers.sparseAdagrad(tf, t.table(), t.adagrad(), g, t.keys(), lr);
        }
        return Optimizers.adagrad(tf, List.of(s.dense().get(i)), List.of(acc.get(i)), List.of(g), lr).get(0);
    }

    private static List<Operand<TFloat32>> gradients(Ops tf, Operand<TFloat32> value, List<Operand<TFloat32>> dense,
                                                     List<Operand<TFloat32>> rows) {
        List<Operand<TFloat32>> xs = new ArrayList<>(dense);
        xs.addAll(rows);
        return Vjp.grad(tf, value, xs);
    }

    /** Step metrics from the FIRST evaluation's shrunk defects (method-spec §4.1), as scalars. */
    private static List<Operand<TFloat32>> metrics(Ops tf, Formulation.Objective e, Operand<TFloat32> lam) {
        var g = e.defect();
        var axes = tf.constant(new int[] {0, 1});
        var abs = tf.math.abs(g);
        var within = tf.dtypes.cast(tf.math.equal(g, tf.zerosLike(g)), TFloat32.class);
        Operand<TFloat32> norm = lam == null ? tf.constant(0f) : tf.math.sqrt(tf.reduceSum(tf.math.square(lam), axes));
        return List.of(e.loss(), e.value(), tf.math.mean(abs, axes), tf.reduceMax(abs, axes), tf.math.mean(within, axes), norm,
                tf.math.mean(g, axes));
    }
}
