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

    @Override
    void close();
}
