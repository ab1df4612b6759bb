package org.distprop.methods.core;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TFloat32;

/**
 * Vector-Jacobian products with {@code tf.gradients} (tensorflow-java-notes §1.3): the building
 * block of layer-local updates that inject a chosen upstream signal instead of backpropagating.
 * Every x must be reachable from the ys (TF Java throws otherwise), so ask only for what each local
 * objective uses.
 */
public final class Vjp {
    private Vjp() {
    }

    /** {@code sum_i dys[i]^T d ys[i] / d xs[j]} for each j. */
    public static List<Operand<TFloat32>> of(Ops tf, List<? extends Operand<TFloat32>> ys, List<? extends Operand<TFloat32>> xs,
                                             List<? extends Operand<TFloat32>> dys) {
        Gradients g = tf.gradients(ys, xs, Gradients.dx(dys));
        return outputs(g, xs.size());
    }

    /** Gradients of a scalar objective with respect to {@code xs} (variables or intermediate tensors). */
    public static List<Operand<TFloat32>> grad(Ops tf, Operand<TFloat32> objective, List<? extends Operand<TFloat32>> xs) {
        return outputs(tf.gradients(objective, xs), xs.size());
    }

    /** Gradient of a scalar objective with respect to one tensor. */
    public static Operand<TFloat32> grad(Ops tf, Operand<TFloat32> objective, Operand<TFloat32> x) {
        return grad(tf, objective, List.of(x)).get(0);
    }

    private static List<Operand<TFloat32>> outputs(Gradients g, int n) {
        List<Operand<TFloat32>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(g.<TFloat32>dy(i));
        }
        return out;
    }
}
