package org.distprop.methods.core;

import org.tensorflow.Operand;
import org.tensorflow.types.TInt64;

/**
 * Per-application information a layer may need: its input shape (without batch), whether this is
 * a training pass (dropout on), and a [2] int64 seed for stateless noise, unique per layer and step.
 */
public record LayerContext(long[] inShape, boolean training, Operand<TInt64> noiseSeed) {
}
