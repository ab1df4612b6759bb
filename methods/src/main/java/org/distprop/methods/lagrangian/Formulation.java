package org.distprop.methods.lagrangian;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * One constrained training problem (Regularized/GDA/ExtraProp tables, DistProp prototypes) as a
 * pure function of its primal tensors, so the step rule can evaluate it at the variables and again
 * at extrapolated values (tensorflow-java-notes §2.4(a)).
 */
public interface Formulation {
    /**
     * The objective on the current batch.
     *
     * @param dense       dense primal tensors, in the order of {@link PrimalDual.Spec#dense()}
     * @param rows        gathered rows of the primal row tables (per-example states), same order as
     *                    {@link PrimalDual.Spec#rows()}
     * @param multipliers gathered multiplier rows aligned with the defect rows, or null (penalty)
     * @param noise       [2] int64 seed for this evaluation's stateless noise
     */
    Objective evaluate(Ops tf, List<Operand<TFloat32>> dense, List<Operand<TFloat32>> rows,
                       Operand<TFloat32> multipliers, Operand<TInt64> noise);

    /**
     * @param loss   the (mean) task loss, what the paper logs as train/loss
     * @param defect the shrunk constraint values g, [B, H] (or [B, 1] for per-example scalar forms)
     * @param value  the quantity primal variables descend: the Lagrangian loss + sum(lambda g), or the
     *               penalised objective for the Regularized method
     */
    record Objective(Operand<TFloat32> loss, Operand<TFloat32> defect, Operand<TFloat32> value) {
    }
}
