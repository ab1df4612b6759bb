package org.distprop.methods.core;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Seeded initialisers. */
public final class Init {
    private Init() {
    }

    /**
     * U(-bound, bound) of the given shape. PyTorch's default for Conv2d/Linear weights and biases
     * (Kaiming-uniform with a = sqrt(5)) is this with bound = 1/sqrt(fan_in) (method-spec §1.5).
     */
    public static Operand<TFloat32> uniform(Ops tf, Seeds seeds, long[] shape, double bound) {
        var u = tf.random.statelessRandomUniform(tf.constant(shape), seeds.next(tf), TFloat32.class);
        return tf.math.mul(tf.math.sub(tf.math.mul(u, tf.constant(2f)), tf.constant(1f)), tf.constant((float) bound));
    }

    public static Operand<TFloat32> pytorchDefault(Ops tf, Seeds seeds, long[] shape, long fanIn) {
        return uniform(tf, seeds, shape, 1.0 / Math.sqrt(fanIn));
    }

    public static Operand<TFloat32> zeros(Ops tf, long[] shape) {
        return tf.zeros(tf.constant(shape), TFloat32.class);
    }
}
