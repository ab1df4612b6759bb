package org.distprop.methods.core;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A table with one row per key (per-example states or multipliers: key = dataset index; per-class
 * multipliers: key = label) that a step reads and writes only at the batch's keys. Ref variable
 * (VariableV2), so no resource-variable aliasing (tensorflow-java-notes §2.2). Gradients are taken
 * w.r.t. the GATHERED rows and applied sparsely; a dense gradient through the gather would cost
 * [rows, width] per step.
 *
 * @param uniqueKeys whether the keys of one batch are distinct (dataset indices from the batcher);
 *                   per-class keys repeat, so their updates must be summed per key
 */
public record RowTable(Variable<TFloat32> table, Variable<TFloat32> adagrad, Operand<TInt32> keys, int rows, int width,
                       boolean uniqueKeys) {

    /** A zero-initialised table; {@code withAdagrad} adds a zero accumulator of the same shape. */
    public static RowTable zeros(Ops tf, String name, int rows, int width, Operand<TInt32> keys, boolean withAdagrad,
                                 boolean uniqueKeys) {
        long[] shape = {rows, width};
        var t = tf.withName(name).variable(Init.zeros(tf, shape));
        var acc = withAdagrad ? tf.withName(name + "_adagrad").variable(Init.zeros(tf, shape)) : null;
        return new RowTable(t, acc, keys, rows, width, uniqueKeys);
    }

    /** The batch's rows, [B, width]. */
    public Operand<TFloat32> gather(Ops tf) {
        return tf.gather(table, keys, tf.constant(0));
    }

    /** The batch's rows of the Adagrad accumulator. */
    public Operand<TFloat32> gatherAdagrad(Ops tf) {
        return tf.gather(adagrad, keys, tf.constant(0));
    }

    /**
     * Per-row sum of {@code update} over equal keys, gathered back to the batch rows: the change
     * each batch row's table row receives when the updates of all rows with its key are summed.
     * For unique keys this is {@code update} itself.
     */
    public Operand<TFloat32> summedPerKey(Ops tf, Operand<TFloat32> update) {
        if (uniqueKeys) {
            return update;
        }
        var sum = tf.math.unsortedSegmentSum(update, keys, tf.constant(rows));
        return tf.gather(sum, keys, tf.constant(0));
    }

    /** Number of scalars. */
    public long size() {
        return (long) rows * width;
    }
}
