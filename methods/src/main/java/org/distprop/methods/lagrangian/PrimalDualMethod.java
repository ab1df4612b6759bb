package org.distprop.methods.lagrangian;

import java.util.ArrayList;
import java.util.List;
import org.distprop.datasets.Batch;
import org.distprop.methods.BlockDefect;
import org.distprop.methods.MethodContext;
import org.distprop.methods.StepMetrics;
import org.distprop.methods.core.GraphMethod;
import org.distprop.methods.core.Network;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Base of the Lagrangian family: builds the {@link PrimalDual} step for a {@link Formulation}, runs
 * it once per batch and reports loss, Lagrangian and the split's defect statistics. One constrained
 * split (two blocks), as in all of the paper's experiments.
 */
abstract class PrimalDualMethod extends GraphMethod {
    private PrimalDual.Built built;
    private PrimalDual.Spec spec;
    private long auxiliary;

    PrimalDualMethod(MethodContext ctx) {
        super(ctx);
    }

    /** Builds the training step and the evaluation ops and creates the session. */
    protected final void build(Network net, PrimalDual.Spec s, Formulation f, long auxiliaryCount) {
        if (net.numBlocks() != 2) {
            throw new IllegalArgumentException("the Lagrangian methods support one split (two blocks); architecture "
                    + net.architecture().name() + " has " + net.numBlocks() + " blocks");
        }
        this.spec = s;
        this.auxiliary = auxiliaryCount;
        // distinct per-evaluation noise streams derived from the fed per-step seed
        Operand<TInt64> noise0 = tf.math.add(noiseSeed, tf.constant(new long[] {0, seeds.nextStream()}));
        Operand<TInt64> noise1 = tf.math.add(noiseSeed, tf.constant(new long[] {0, seeds.nextStream()}));
        built = PrimalDual.build(tf, s, f, noise0, noise1);
        trainStep(built.fetches(), built.updates());
        evaluateWith(net);
        initialize();
    }

    @Override
    public StepMetrics step(Batch batch) {
        long t0 = System.nanoTime();
        try (Feed f = feed(batch); Result r = runTrain(f)) {
            var d = new BlockDefect(scalar(r, PrimalDual.MEAN_ABS), scalar(r, PrimalDual.MAX_ABS),
                    scalar(r, PrimalDual.FRAC_WITHIN), scalar(r, PrimalDual.MULT_NORM), scalar(r, PrimalDual.SIGNED_MEAN));
            return new StepMetrics(scalar(r, PrimalDual.LOSS), scalar(r, PrimalDual.VALUE), List.of(d),
                    (System.nanoTime() - t0) / 1e6);
        }
    }

    @Override
    public long auxiliaryVariableCount() {
        return auxiliary;
    }

    @Override
    public int gradientEvaluationsPerStep() {
        return spec.rule().gradientEvaluations();
    }

    // ---- hooks for tests and diagnostics (package-private) ----

    PrimalDual.Spec spec() {
        return spec;
    }

    /** The objective (Lagrangian or penalised loss) of the first evaluation on {@code b}, no update. */
    double objectiveAt(Batch b) {
        return fetchFloats(built.first().value(), b)[0];
    }

    /** The shrunk defects of the first evaluation on {@code b}, row-major. */
    float[] defectAt(Batch b) {
        return fetchFloats(built.first().defect(), b);
    }

    /** Gradient of the first objective w.r.t. primal tensor {@code i} (dense, then gathered rows). */
    float[] gradientAt(int i, Batch b) {
        return fetchFloats(built.firstGradients().get(i), b);
    }

    /** The Adagrad accumulators of the dense primal variables, same order as {@code spec().dense()}. */
    List<Variable<TFloat32>> denseAdagrad() {
        return built.denseAdagrad();
    }

    float[] read(Variable<TFloat32> v) {
        return fetchFloats(v, null);
    }

    void write(Variable<TFloat32> v, float[] values) {
        assignFloats(v, values);
    }

    /** All primal variables (dense, then row tables) and the multiplier table, for tests. */
    List<Variable<TFloat32>> variables() {
        List<Variable<TFloat32>> all = new ArrayList<>(spec.dense());
        spec.rows().forEach(t -> all.add(t.table()));
        if (spec.multipliers() != null) {
            all.add(spec.multipliers().table());
        }
        return all;
    }
}
