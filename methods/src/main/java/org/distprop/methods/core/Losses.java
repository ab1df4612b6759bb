package org.distprop.methods.core;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Losses built from ops with verified gradients. Cross-entropy is composed as
 * {@code -sum(onehot * logSoftmax(logits))}: SparseSoftmaxCrossEntropyWithLogits has no gradient in
 * TF Java 1.1.0 and the fused dense op is broken in float64 (tensorflow-java-notes §1.1).
 */
public final class Losses {
    private Losses() {
    }

    /** Per-example negative log-likelihood, shape [B]. */
    public static Operand<TFloat32> nllPerExample(Ops tf, Operand<TFloat32> logits, Operand<TInt32> labels, int classes) {
        var oneHot = tf.oneHot(labels, tf.constant(classes), tf.constant(1f), tf.constant(0f));
        var logp = tf.nn.logSoftmax(logits);
        return tf.math.neg(tf.reduceSum(tf.math.mul(oneHot, logp), tf.constant(1)));
    }

    /** Mean negative log-likelihood over the batch (PyTorch's NLLLoss on LogSoftmax). */
    public static Operand<TFloat32> crossEntropy(Ops tf, Operand<TFloat32> logits, Operand<TInt32> labels, int classes) {
        return tf.math.mean(nllPerExample(tf, logits, labels, classes), tf.constant(0));
    }

    /** Number of examples whose label is among the top {@code k} logits, as a float scalar. */
    public static Operand<TFloat32> topKCorrect(Ops tf, Operand<TFloat32> logits, Operand<TInt32> labels, int k) {
        var hit = tf.nn.inTopK(logits, labels, tf.constant(k));
        return tf.reduceSum(tf.dtypes.cast(hit, TFloat32.class), tf.constant(0));
    }
}
