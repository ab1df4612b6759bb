package org.distprop.methods.core;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One layer of a network, channels-last. A layer is a pure function of its input and its parameter
 * tensors, so the same layer can be applied to variables or to extrapolated copies (extragradient).
 * Shapes exclude the batch dimension.
 */
public sealed interface Layer {

    /** Parameter shapes (weights first, then bias) for input shape {@code in}; empty if none. */
    default List<long[]> paramShapes(long[] in) {
        return List.of();
    }

    /** PyTorch's fan-in for this layer's parameters (bound of the default uniform init is 1/sqrt). */
    default long fanIn(long[] in) {
        return 0;
    }

    long[] outShape(long[] in);

    Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, List<Operand<TFloat32>> params, LayerContext ctx);

    /** 2-D convolution, {@code kernel x kernel}, with bias; padding in pixels (symmetric, zeros). */
    record Conv(int out, int kernel, int stride, int padding) implements Layer {
        @Override
        public List<long[]> paramShapes(long[] in) {
            return List.of(new long[] {kernel, kernel, in[2], out}, new long[] {out});
        }

        @Override
        public long fanIn(long[] in) {
            return in[2] * kernel * kernel;
        }

        @Override
        public long[] outShape(long[] in) {
            return new long[] {(in[0] + 2L * padding - kernel) / stride + 1, (in[1] + 2L * padding - kernel) / stride + 1, out};
        }

        @Override
        public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, List<Operand<TFloat32>> p, LayerContext ctx) {
            Operand<TFloat32> in = x;
            if (padding > 0) {
                in = tf.pad(x, tf.constant(new int[][] {{0, 0}, {padding, padding}, {padding, padding}, {0, 0}}), tf.constant(0f));
            }
            var conv = tf.nn.conv2d(in, p.get(0), List.of(1L, (long) stride, (long) stride, 1L), "VALID");
            return tf.nn.biasAdd(conv, p.get(1));
        }
    }

    /** Fully connected layer with bias: {@code x W + b}. */
    record Dense(int out) implements Layer {
        @Override
        public List<long[]> paramShapes(long[] in) {
            return List.of(new long[] {in[0], out}, new long[] {out});
        }

        @Override
        public long fanIn(long[] in) {
            return in[0];
        }

        @Override
        public long[] outShape(long[] in) {
            if (in.length != 1) {
                throw new IllegalArgumentException("Dense needs a flat input, got " + Arrays.toString(in));
            }
            return new long[] {out};
        }

        @Override
        public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, List<Operand<TFloat32>> p, LayerContext ctx) {
            return tf.nn.biasAdd(tf.linalg.matMul(x, p.get(0)), p.get(1));
        }
    }

    record Relu() implements Layer {
        @Override
        public long[] outShape(long[] in) {
            return in;
        }

        @Override
        public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, List<Operand<TFloat32>> p, LayerContext ctx) {
            return tf.nn.relu(x);
        }
    }

    record Tanh() implements Layer {
        @Override
        public long[] outShape(long[] in) {
            return in;
        }

        @Override
        public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, List<Operand<TFloat32>> p, LayerContext ctx) {
            return tf.math.tanh(x);
        }
    }

    /**
     * Max pooling, VALID padding (PyTorch's default, floor mode). Built as the attribute form {@code MaxPool}, not
     * the {@code MaxPoolV2} that {@code tf.nn.maxPool} emits (window as tensor inputs): TF's oneDNN pass rewrites
     * only the former, and on the CIFAR LeNet at batch 1024 Eigen's MaxPoolV2 + MaxPoolGradV2 took ~28 ms of a
     * ~120 ms SGD step against ~12 ms for oneDNN's, with bit-identical traces (SGD, ExtraProp, DistProp as run, 1 and 2 threads).
     */
    record MaxPool(int kernel, int stride) implements Layer {
        @Override
        public long[] outShape(long[] in) {
            return new long[] {(in[0] - kernel) / stride + 1, (in[1] - kernel) / stride + 1, in[2]};
        }

        @Override
        public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, List<Operand<TFloat32>> p, LayerContext ctx) {
            return tf.scope().opBuilder("MaxPool", "MaxPool").addInput(x.asOutput())
                    .setAttr("ksize", new long[] {1, kernel, kernel, 1}).setAttr("strides", new long[] {1, stride, stride, 1})
                    .setAttr("padding", "VALID").build().<TFloat32>output(0);
        }
    }

    record Flatten() implements Layer {
        @Override
        public long[] outShape(long[] in) {
            long n = 1;
            for (long d : in) {
                n *= d;
            }
            return new long[] {n};
        }

        @Override
        public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, List<Operand<TFloat32>> p, LayerContext ctx) {
            return tf.reshape(x, tf.constant(new long[] {-1, outShape(ctx.inShape())[0]}));
        }
    }

    /**
     * Inverted dropout, active only in training, with stateless noise seeded by the step seed so a
     * run is reproducible: {@code x * 1[u >= p] / (1 - p)}.
     */
    record Dropout(float rate) implements Layer {
        @Override
        public long[] outShape(long[] in) {
            return in;
        }

        @Override
        public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, List<Operand<TFloat32>> p, LayerContext ctx) {
            if (!ctx.training() || rate == 0f) {
                return x;
            }
            var u = tf.stopGradient(tf.random.statelessRandomUniform(tf.shape(x), ctx.noiseSeed(), TFloat32.class));
            var keep = tf.dtypes.cast(tf.math.greaterEqual(u, tf.constant(rate)), TFloat32.class);
            return tf.math.mul(x, tf.math.div(keep, tf.constant(1f - rate)));
        }
    }
}
