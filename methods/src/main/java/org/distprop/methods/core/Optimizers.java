package org.distprop.methods.core;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The update rules, in one place. Adagrad is PyTorch's (lr_decay 0, initial accumulator 0,
 * eps 1e-10 outside the sqrt), built on the V2 ops: the V1 op gives NaN on zero accumulators
 * (tensorflow-java-notes §2.3). Updates must be created under control dependencies on every
 * gradient of the step (see {@link #gated}), else an update can race a gradient that reads the same
 * variable.
 */
public final class Optimizers {
    public static final float ADAGRAD_EPS = 1e-10f;

    private Optimizers() {
    }

    /** An Ops whose new ops run only after all {@code deps} (gradients, metrics) are computed. */
    public static Ops gated(Ops tf, List<? extends Operand<?>> deps) {
        return tf.withControlDependencies(new ArrayList<Op>(deps)); // an Operand is an Op
    }

    /** Dense Adagrad state for a list of variables: one zero accumulator per variable. */
    public static List<Variable<TFloat32>> accumulators(Ops tf, List<? extends Variable<TFloat32>> vars, String prefix) {
        List<Variable<TFloat32>> acc = new ArrayList<>();
        int i = 0;
        for (Variable<TFloat32> v : vars) {
            acc.add(tf.withName(prefix + "_adagrad_" + i++).variable(Init.zeros(tf, v.shape().asArray())));
        }
        return acc;
    }

    /** {@code acc += g^2; v -= lr * g / (sqrt(acc) + eps)} for each variable. */
    public static List<Op> adagrad(Ops tf, List<? extends Variable<TFloat32>> vars, List<Variable<TFloat32>> acc,
                                   List<? extends Operand<TFloat32>> grads, float lr) {
        List<Op> ops = new ArrayList<>();
        var lrT = tf.constant(lr);
        var eps = tf.constant(ADAGRAD_EPS);
        for (int i = 0; i < vars.size(); i++) {
            ops.add(tf.train.applyAdagradV2(vars.get(i), acc.get(i), lrT, eps, grads.get(i)));
        }
        return ops;
    }

    /** Plain gradient descent {@code v -= lr * g} (negate g for ascent). */
    public static List<Op> sgd(Ops tf, List<? extends Variable<TFloat32>> vars, List<? extends Operand<TFloat32>> grads, float lr) {
        List<Op> ops = new ArrayList<>();
        var lrT = tf.constant(lr);
        for (int i = 0; i < vars.size(); i++) {
            ops.add(tf.train.applyGradientDescent(vars.get(i), lrT, grads.get(i)));
        }
        return ops;
    }

    /**
     * Sparse-row Adagrad on the rows {@code idx} of a table (SparseApplyAdagradV2): only those rows
     * of the table and of its accumulator change. {@code grad} is the gradient w.r.t. the GATHERED
     * rows (tensorflow-java-notes §2.2); {@code idx} must hold unique indices.
     */
    public static Op sparseAdagrad(Ops tf, Variable<TFloat32> table, Variable<TFloat32> acc, Operand<TFloat32> grad,
                                   Operand<TInt32> idx, float lr) {
        return tf.train.sparseApplyAdagrad(table, acc, tf.constant(lr), tf.constant(ADAGRAD_EPS), grad, idx);
    }

    /**
     * Sparse-row plain SGD step {@code table[idx] += step * grad} (step = -lr for descent, +lr for
     * the multipliers' ascent). Duplicate indices add up, i.e. the gradient of a sum.
     */
    public static Op sparseSgd(Ops tf, Variable<TFloat32> table, Operand<TFloat32> grad, Operand<TInt32> idx, float step) {
        return tf.scatterAdd(table, idx, tf.math.mul(grad, tf.constant(step)));
    }

    /**
     * The Adagrad extrapolation as a tensor, without touching any variable:
     * {@code p - lr * g / (sqrt(acc + g^2) + eps)} where {@code acc} is the current accumulator
     * (dense, or the gathered rows). This is the value an Adagrad step would give; the accumulation
     * of g^2 itself is done later by {@link #accumulate}/{@link #accumulateRows} (method-spec §2.6.2:
     * two accumulations per extragradient iteration).
     */
    public static Operand<TFloat32> adagradExtrapolate(Ops tf, Operand<TFloat32> p, Operand<TFloat32> acc,
                                                       Operand<TFloat32> g, float lr) {
        var acc1 = tf.math.add(acc, tf.math.square(g));
        var step = tf.math.div(g, tf.math.add(tf.math.sqrt(acc1), tf.constant(ADAGRAD_EPS)));
        return tf.math.sub(p, tf.math.mul(step, tf.constant(lr)));
    }

    /** {@code acc += g^2} (the extrapolation's share of Adagrad's accumulator). */
    public static Op accumulate(Ops tf, Variable<TFloat32> acc, Operand<TFloat32> g) {
        return tf.assignAdd(acc, tf.math.square(g));
    }

    /** {@code acc[idx] += g^2} for row tables (unique idx). */
    public static Op accumulateRows(Ops tf, Variable<TFloat32> acc, Operand<TFloat32> g, Operand<TInt32> idx) {
        return tf.scatterAdd(acc, idx, tf.math.square(g));
    }
}
