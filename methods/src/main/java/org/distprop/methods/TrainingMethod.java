package org.distprop.methods;

import org.distprop.datasets.Batch;

/**
 * One training method on one network. Implementations own a TensorFlow graph and session and must
 * be closed. The same seed must give the same sequence of StepMetrics, bit for bit, on CPU.
 */
public interface TrainingMethod extends AutoCloseable {
    /** One iteration on one minibatch (an extragradient iteration is extrapolation + update). */
    StepMetrics step(Batch batch);

    /** Plain forward pass of the composed network {@code f_1(f_0(x))}: loss, top-1, top-5. */
    Evaluation evaluate(Iterable<Batch> test);

    /** Auxiliary variables: states + multipliers (+ prototypes); 0 for plain backprop methods. */
    long auxiliaryVariableCount();

    /** Gradient evaluations (backward passes) one {@link #step} costs, for fair x-axes. */
    default int gradientEvaluationsPerStep() {
        return 1;
    }

    /**
     * Writes into the existing, empty directory {@code dir} everything the next {@link #step} depends on:
     * every TensorFlow variable (weights, optimizer slots, state and multiplier tables, prototype maps,
     * schedule counters) and any Java-side state (the step counter that seeds the per-step noise).
     * {@link #restoreCheckpoint} on a method built from the same context then continues bit for bit.
     */
    default void saveCheckpoint(java.nio.file.Path dir) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot write checkpoints");
    }

    /** Restores what {@link #saveCheckpoint} wrote; call on a freshly built method, before its first step. */
    default void restoreCheckpoint(java.nio.file.Path dir) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot restore checkpoints");
    }

    @Override
    void close();
}
