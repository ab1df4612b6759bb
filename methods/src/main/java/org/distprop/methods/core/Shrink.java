package org.distprop.methods.core;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Shrinkage with margin m, the epsilon-constraint of the paper (method-spec §2.0): a defect inside
 * [-m, m] counts as satisfied. Built from ops with verified gradients (tensorflow-java-notes §2.1).
 */
public enum Shrink {
    /** sign(v) max(|v| - m, 0): paper eq. 3, what the MNIST/CIFAR runs used. */
    SOFT,
    /** v 1[|v| > m]: what the ImageNet runs used. */
    HARD;

    public static Shrink parse(String s) {
        return switch (s.toLowerCase()) {
            case "soft" -> SOFT;
            case "hard" -> HARD;
            default -> throw new IllegalArgumentException("shrink must be soft or hard, got " + s);
        };
    }

    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> v, float margin) {
        var m = tf.constant(margin);
        return switch (this) {
            case SOFT -> tf.math.mul(tf.math.sign(v), tf.nn.relu(tf.math.sub(tf.math.abs(v), m)));
            case HARD -> tf.select(tf.math.greater(tf.math.abs(v), m), v, tf.zerosLike(v));
        };
    }

    /** The same function in Java, the reference for tests and documentation. */
    public double apply(double v, double margin) {
        return switch (this) {
            case SOFT -> Math.signum(v) * Math.max(Math.abs(v) - margin, 0);
            case HARD -> Math.abs(v) > margin ? v : 0;
        };
    }
}
