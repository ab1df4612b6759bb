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

    // ---- Adam, centred RMSprop and Nesterov momentum (added for the baselines: OAM, DTP, DFA) ----

    /** Adam state: first/second moment slots per variable and the shared step count t. */
    public record AdamState(List<Variable<TFloat32>> m, List<Variable<TFloat32>> v, Variable<TFloat32> t) {
    }

    /** Zero Adam slots; create with an ungated Ops (slots must not depend on a step's feeds). */
    public static AdamState adamState(Ops tf, List<? extends Variable<TFloat32>> vars, String prefix) {
        List<Variable<TFloat32>> m = new ArrayList<>();
        List<Variable<TFloat32>> v = new ArrayList<>();
        int i = 0;
        for (Variable<TFloat32> x : vars) {
            m.add(tf.withName(prefix + "_adam_m_" + i).variable(Init.zeros(tf, x.shape().asArray())));
            v.add(tf.withName(prefix + "_adam_v_" + i++).variable(Init.zeros(tf, x.shape().asArray())));
        }
        return new AdamState(m, v, tf.withName(prefix + "_adam_t").variable(tf.constant(0f)));
    }

    /**
     * Adam (TF's ApplyAdam: bias correction folded into the step size, eps added to sqrt(v-hat)·
     * sqrt(1-b2^t), which differs from PyTorch's eps placement only at O(eps)). {@code tf} must be gated;
     * the step count advances after all variables are updated.
     */
    public static List<Op> adam(Ops tf, List<? extends Variable<TFloat32>> vars, AdamState s,
                                List<? extends Operand<TFloat32>> grads, Operand<TFloat32> lr,
                                float beta1, float beta2, float eps) {
        List<Op> ops = new ArrayList<>();
        var t1 = tf.math.add(s.t(), tf.constant(1f));
        var b1 = tf.constant(beta1);
        var b2 = tf.constant(beta2);
        var b1p = tf.math.pow(b1, t1);
        var b2p = tf.math.pow(b2, t1);
        var e = tf.constant(eps);
        for (int i = 0; i < vars.size(); i++) {
            ops.add(tf.train.applyAdam(vars.get(i), s.m().get(i), s.v().get(i), b1p, b2p, lr, b1, b2, e, grads.get(i)));
        }
        ops.add(tf.withControlDependencies(new ArrayList<>(ops)).assign(s.t(), t1));
        return ops;
    }

    /** Centred RMSprop state: mean gradient, mean square and momentum per variable. */
    public record RmsState(List<Variable<TFloat32>> mg, List<Variable<TFloat32>> ms, List<Variable<TFloat32>> mom) {
    }

    public static RmsState rmsState(Ops tf, List<? extends Variable<TFloat32>> vars, String prefix) {
        List<Variable<TFloat32>> mg = new ArrayList<>();
        List<Variable<TFloat32>> ms = new ArrayList<>();
        List<Variable<TFloat32>> mom = new ArrayList<>();
        int i = 0;
        for (Variable<TFloat32> x : vars) {
            long[] sh = x.shape().asArray();
            mg.add(tf.withName(prefix + "_rms_mg_" + i).variable(Init.zeros(tf, sh)));
            ms.add(tf.withName(prefix + "_rms_ms_" + i).variable(Init.zeros(tf, sh)));
            mom.add(tf.withName(prefix + "_rms_mom_" + i++).variable(Init.zeros(tf, sh)));
        }
        return new RmsState(mg, ms, mom);
    }

    /**
     * Centred RMSprop with momentum (TF ApplyCenteredRMSProp):
     * {@code mom = momentum*mom + lr*g/sqrt(ms - mg^2 + eps); v -= mom}; with decay 0.95, momentum 0.9,
     * eps 0.001 this is Lee et al.'s {@code util.py: rms_prop} (baselines-spec §6.1). {@code tf} must be gated.
     */
    public static List<Op> centeredRmsProp(Ops tf, List<? extends Variable<TFloat32>> vars, RmsState s,
                                           List<? extends Operand<TFloat32>> grads, float lr, float decay,
                                           float momentum, float eps) {
        List<Op> ops = new ArrayList<>();
        var lrT = tf.constant(lr);
        var rho = tf.constant(decay);
        var mo = tf.constant(momentum);
        var e = tf.constant(eps);
        for (int i = 0; i < vars.size(); i++) {
            ops.add(tf.train.applyCenteredRmsProp(vars.get(i), s.mg().get(i), s.ms().get(i), s.mom().get(i), lrT, rho, mo, e,
                    grads.get(i)));
        }
        return ops;
    }

    /** A tensor-valued iterate and its momentum buffer (for inner loops unrolled in the graph). */
    public record TensorStep(Operand<TFloat32> x, Operand<TFloat32> buf) {
    }

    /**
     * One PyTorch SGD step with Nesterov momentum on a tensor, dampening 0:
     * {@code buf = momentum*buf + g} ({@code buf = g} on the first step, {@code buf == null});
     * {@code x -= lr*(g + momentum*buf)}.
     */
    public static TensorStep nesterov(Ops tf, Operand<TFloat32> x, Operand<TFloat32> buf, Operand<TFloat32> g,
                                      float lr, float momentum) {
        var mo = tf.constant(momentum);
        Operand<TFloat32> b = buf == null ? g : tf.math.add(tf.math.mul(mo, buf), g);
        var step = tf.math.add(g, tf.math.mul(mo, b));
        return new TensorStep(tf.math.sub(x, tf.math.mul(tf.constant(lr), step)), b);
    }
}
