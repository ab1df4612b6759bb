package org.distprop.methods.core;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;

/**
 * Hands out seeds for stateless random ops: (run seed, counter++). TF Java has no graph-level seed,
 * so every random op takes one of these; the graph is then a pure function of the run seed.
 */
public final class Seeds {
    private final long runSeed;
    private long counter;

    public Seeds(long runSeed) {
        this.runSeed = runSeed;
    }

    public long runSeed() {
        return runSeed;
    }

    /** A fresh constant [2] seed for an initialiser. */
    public Operand<TInt64> next(Ops tf) {
        return tf.constant(new long[] {runSeed, counter++});
    }

    /** A fresh stream id, for per-step seeds built as [f(runSeed, step), stream]. */
    public long nextStream() {
        return counter++;
    }
}
