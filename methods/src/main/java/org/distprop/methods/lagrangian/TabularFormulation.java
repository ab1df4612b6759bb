package org.distprop.methods.lagrangian;

import java.util.List;
import org.distprop.methods.core.Losses;
import org.distprop.methods.core.Network;
import org.distprop.methods.core.Shrink;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Per-example ("tabular") states at the split, shared by Regularized, GDA and ExtraProp
 * (method-spec §2.2-2.4). With states {@code s_hat} used as {@code h = ReLU(s_hat)}:
 * {@code a = f_0(x)}, {@code g = shrink(a - h, m)}, {@code loss = mean NLL(f_1(h), y)}. The classifier
 * sees the states, never f_0(x); theta_0 learns only through the constraint term.
 * Value: {@code loss + sum_{i,h} lambda g} (Lagrangian), or {@code loss + rho * mean(g^2)} (penalty).
 * Dense tensors: block-0 params then block-1 params; rows: the state table.
 */
final class TabularFormulation implements Formulation {
    private final Network net;
    private final Operand<TFloat32> x;
    private final Operand<TInt32> y;
    private final int classes;
    private final Shrink shrink;
    private final float margin;
    private final Float rho;

    /** {@code rho} null: Lagrangian; otherwise the fixed penalty coefficient. */
    TabularFormulation(Network net, Operand<TFloat32> x, Operand<TInt32> y, int classes, Shrink shrink, float margin, Float rho) {
        this.net = net;
        this.x = x;
        this.y = y;
        this.classes = classes;
        this.shrink = shrink;
        this.margin = margin;
        this.rho = rho;
    }

    @Override
    public Objective evaluate(Ops tf, List<Operand<TFloat32>> dense, List<Operand<TFloat32>> rows,
                              Operand<TFloat32> multipliers, Operand<TInt64> noise) {
        int n0 = net.params(0).size();
        var a = net.applyBlock(tf, 0, x, dense.subList(0, n0), true, noise);
        var h = tf.nn.relu(rows.get(0));
        var logits = net.applyBlock(tf, 1, h, dense.subList(n0, dense.size()), true, noise);
        var loss = Losses.crossEntropy(tf, logits, y, classes);
        var g = shrink.apply(tf, tf.math.sub(a, h), margin);
        var axes = tf.constant(new int[] {0, 1});
        Operand<TFloat32> value = rho != null
                ? tf.math.add(loss, tf.math.mul(tf.constant(rho), tf.math.mean(tf.math.square(g), axes)))
                : tf.math.add(loss, tf.reduceSum(tf.math.mul(multipliers, g), axes));
        return new Objective(loss, g, value);
    }
}
