package org.distprop.baselines.dtp;

import java.util.List;
import org.distprop.baselines.core.Layerwise;
import org.distprop.methods.core.Architecture;
import org.distprop.methods.core.Init;
import org.distprop.methods.core.Layer;
import org.distprop.methods.core.LayerContext;
import org.distprop.methods.core.Seeds;
import org.distprop.methods.core.Vjp;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The learned approximate inverse {@code g_l} of one block (baselines-spec §1.1, §1.7), mapping the
 * block's output space back to its input space:
 * <ul>
 * <li>dense block: {@code g(h) = psi(h V + c)} (Lee et al. 2015), V of shape [n_out, n_in];
 * <li>conv block [conv, act, maxpool?, flatten?, dropout?]: the forward order reversed (scalingDTP,
 * baselines-spec §1.7): un-flatten, max-unpool to the forward pass's argmax positions, transposed
 * convolution with a trainable kernel V (same shape as the forward kernel; padded convs: transposed
 * onto the padded grid, then the border cropped, as ConvTranspose2d with the same padding) plus bias c,
 * then psi. A dropout at the block's end is not inverted: the inverse is trained on the forward pass's
 * dropped-out outputs (same mask), so it learns to reconstruct from what the next layer actually sees.
 * </ul>
 * psi is tanh when the block's input comes out of a tanh (Lee's tanh inverses), else identity (a
 * linear inverse for ReLU nets, whose targets are unbounded above).
 */
final class Inverse {
    private final Architecture arch;
    private final int block;
    private final Layer param;
    private final boolean tanh;
    private final Variable<TFloat32> v;
    private final Variable<TFloat32> c;

    Inverse(Ops tf, Architecture arch, int block, Seeds seeds) {
        this.arch = arch;
        this.block = block;
        List<Layer> layers = arch.blocks().get(block);
        this.param = layers.get(Layerwise.paramLayerIndex(arch, block));
        if (Layerwise.paramLayerIndex(arch, block) != 0) {
            throw new IllegalArgumentException("DTP inverse: block " + block + " must start with its conv/dense layer");
        }
        this.tanh = endsInTanh(arch.blocks().get(block - 1));
        long[] in = arch.blockInShape(block);
        long[] out = arch.blockOutShape(block);
        if (param instanceof Layer.Dense) {
            v = tf.withName("dtp_inv" + block + "_v").variable(Init.uniform(tf, seeds, new long[] {out[0], in[0]}, 1 / Math.sqrt(out[0])));
            c = tf.withName("dtp_inv" + block + "_c").variable(Init.zeros(tf, new long[] {in[0]}));
        } else {
            Layer.Conv conv = (Layer.Conv) param;
            long[] k = conv.paramShapes(in).get(0);
            v = tf.withName("dtp_inv" + block + "_v").variable(Init.uniform(tf, seeds, k, 1 / Math.sqrt((double) k[0] * k[1] * k[3])));
            c = tf.withName("dtp_inv" + block + "_c").variable(Init.zeros(tf, new long[] {in[2]}));
        }
    }

    private static boolean endsInTanh(List<Layer> layers) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer l = layers.get(i);
            if (l instanceof Layer.Tanh) {
                return true;
            }
            if (!(l instanceof Layer.Flatten) && !(l instanceof Layer.MaxPool) && !(l instanceof Layer.Dropout)) {
                return false;
            }
        }
        return false;
    }

    List<Variable<TFloat32>> variables() {
        return List.of(v, c);
    }

    Variable<TFloat32> v() {
        return v;
    }

    /**
     * Block output before max-pooling for input {@code hin} (the unpooling routing); null when the
     * block has no pooling. Evaluated on a stop-gradient input, outside every differentiable path.
     */
    Operand<TFloat32> prePool(Ops tf, Operand<TFloat32> hin, List<? extends Operand<TFloat32>> params) {
        List<Layer> layers = arch.blocks().get(block);
        if (maxPool(layers) == null) {
            return null;
        }
        long[] s = arch.blockInShape(block);
        Operand<TFloat32> h = tf.stopGradient(hin);
        for (Layer l : layers) {
            if (l instanceof Layer.MaxPool) {
                return tf.stopGradient(h);
            }
            List<Operand<TFloat32>> p = l == param ? List.of(params.get(0), params.get(1)) : List.of();
            h = l.apply(tf, h, p, new LayerContext(s, true, null));
            s = l.outShape(s);
        }
        return null;
    }

    /** {@code g(h)}; {@code prePool} is this block's pre-pool activation of the forward pass that made h. */
    Operand<TFloat32> apply(Ops tf, Operand<TFloat32> h, Operand<TFloat32> prePool) {
        Operand<TFloat32> z;
        if (param instanceof Layer.Dense) {
            z = tf.nn.biasAdd(tf.linalg.matMul(h, v), c);
        } else {
            Layer.Conv conv = (Layer.Conv) param;
            List<Layer> layers = arch.blocks().get(block);
            long[] in = arch.blockInShape(block);
            long[] convOut = conv.outShape(in);
            Operand<TFloat32> u = h;
            MaxPoolLayer pool = maxPool(layers);
            if (pool != null) {
                long[] pooled = pool.layer.outShape(convOut);
                u = tf.reshape(u, tf.constant(new long[] {-1, pooled[0], pooled[1], pooled[2]}));
                var pooledFwd = pool.layer.apply(tf, prePool, List.of(), new LayerContext(convOut, true, null));
                // max-unpool = the max-pool's VJP at the forward point: routes each value to its argmax
                u = tf.stopGradient(Vjp.of(tf, List.of(pooledFwd), List.of(prePool), List.of(u)).get(0));
            } else {
                u = tf.reshape(u, tf.constant(new long[] {-1, convOut[0], convOut[1], convOut[2]}));
            }
            // The transposed convolution of [zero-pad p, VALID conv]: conv2dBackpropInput onto the padded
            // input size, then crop the p-pixel border. This is PyTorch's ConvTranspose2d(kernel, stride,
            // padding=p, output_padding = the rows the strided forward conv skipped), i.e. scalingDTP's
            // conv inverse (baselines-spec §1.7): it maps onto exactly the input grid, padded or not.
            int p = conv.padding();
            var batch = tf.slice(tf.shape(h), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
            Operand<TInt32> sizes = tf.concat(List.of(batch,
                    tf.constant(new int[] {(int) in[0] + 2 * p, (int) in[1] + 2 * p, (int) in[2]})), tf.constant(0));
            Operand<TFloat32> t = tf.nn.conv2dBackpropInput(sizes, v, u, List.of(1L, (long) conv.stride(), (long) conv.stride(), 1L), "VALID");
            if (p > 0) {
                t = tf.slice(t, tf.constant(new int[] {0, p, p, 0}), tf.constant(new int[] {-1, (int) in[0], (int) in[1], (int) in[2]}));
            }
            z = tf.nn.biasAdd(t, c);
        }
        return tanh ? tf.math.tanh(z) : z;
    }

    private record MaxPoolLayer(Layer.MaxPool layer) {
    }

    private static MaxPoolLayer maxPool(List<Layer> layers) {
        for (Layer l : layers) {
            if (l instanceof Layer.MaxPool m) {
                return new MaxPoolLayer(m);
            }
        }
        return null;
    }
}
