package org.distprop.methods.core;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * An {@link Architecture} instantiated in a graph: one list of variables per block, initialised
 * with PyTorch defaults from the run seed. Blocks are applied functionally to any parameter list of
 * the right shapes, so extragradient can evaluate them at extrapolated points without copies.
 */
public final class Network {
    private final Architecture arch;
    private final List<List<Variable<TFloat32>>> params = new ArrayList<>();

    public Network(Ops tf, Architecture arch, Seeds seeds, String prefix) {
        this.arch = arch;
        for (int b = 0; b < arch.blocks().size(); b++) {
            List<Variable<TFloat32>> vars = new ArrayList<>();
            long[] s = arch.blockInShape(b);
            int li = 0;
            for (Layer l : arch.blocks().get(b)) {
                int pi = 0;
                for (long[] shape : l.paramShapes(s)) {
                    String name = prefix + "b" + b + "_l" + li + (pi == 0 ? "_w" : "_b");
                    vars.add(tf.withName(name).variable(Init.pytorchDefault(tf, seeds, shape, l.fanIn(s))));
                    pi++;
                }
                s = l.outShape(s);
                li++;
            }
            params.add(vars);
        }
    }

    public Architecture architecture() {
        return arch;
    }

    public int numBlocks() {
        return params.size();
    }

    public List<Variable<TFloat32>> params(int block) {
        return params.get(block);
    }

    public List<Variable<TFloat32>> allParams() {
        List<Variable<TFloat32>> all = new ArrayList<>();
        params.forEach(all::addAll);
        return all;
    }

    /** Number of trainable scalars. */
    public long parameterCount() {
        long n = 0;
        for (var v : allParams()) {
            n += v.shape().size();
        }
        return n;
    }

    /**
     * Applies block {@code b} to {@code x} with the given parameters (same order as {@link #params}).
     * {@code noiseSeed} is a [2] int64 seed for dropout; may be null when no layer needs noise.
     */
    public Operand<TFloat32> applyBlock(Ops tf, int b, Operand<TFloat32> x, List<? extends Operand<TFloat32>> p,
                                        boolean training, Operand<TInt64> noiseSeed) {
        List<Operand<TFloat32>> outs = layerOutputs(tf, b, x, p, training, noiseSeed, true);
        return outs.get(outs.size() - 1);
    }

    /**
     * As {@link #applyBlock}, returning every layer's output in order (the last is the block's output).
     * Feedback-alignment methods differentiate from an intermediate output (e.g. a pre-activation) so that
     * their backward signal runs through the forward pass's own ReLU, pooling and dropout ops.
     */
    public List<Operand<TFloat32>> applyBlockLayers(Ops tf, int b, Operand<TFloat32> x, List<? extends Operand<TFloat32>> p,
                                                    boolean training, Operand<TInt64> noiseSeed) {
        return layerOutputs(tf, b, x, p, training, noiseSeed, false);
    }

    /**
     * Each layer's output in order. With {@code poolBeforeRelu}, a ReLU directly followed by a max-pool is built as
     * the pool then the ReLU, and the output listed for the ReLU is the pair's (only the block's last output is then
     * meant to be used): max commutes with the monotone ReLU, so the value is the same, and so is the gradient
     * (the window's max gets dy times relu'(max) either way; a window with max <= 0 passes zero either way), while the
     * ReLU and its gradient touch a quarter of the elements (2x2 pools: CIFAR LeNet's two, the MNIST net's one).
     */
    private List<Operand<TFloat32>> layerOutputs(Ops tf, int b, Operand<TFloat32> x, List<? extends Operand<TFloat32>> p,
                                                 boolean training, Operand<TInt64> noiseSeed, boolean poolBeforeRelu) {
        List<Layer> layers = arch.blocks().get(b);
        long[] s = arch.blockInShape(b);
        int k = 0;
        Operand<TFloat32> h = x;
        List<Operand<TFloat32>> outs = new ArrayList<>();
        for (int li = 0; li < layers.size(); li++) {
            Layer l = layers.get(li);
            if (poolBeforeRelu && l instanceof Layer.Relu && li + 1 < layers.size()
                    && layers.get(li + 1) instanceof Layer.MaxPool pool) {
                h = pool.apply(tf, h, List.of(), new LayerContext(s, training, null));
                s = pool.outShape(s);
                h = l.apply(tf, h, List.of(), new LayerContext(s, training, null));
                outs.add(h);
                outs.add(h);
                li++;
                continue;
            }
            int n = l.paramShapes(s).size();
            List<Operand<TFloat32>> lp = new ArrayList<>(p.subList(k, k + n));
            Operand<TInt64> seed = noiseSeed == null ? null
                    : tf.math.add(noiseSeed, tf.constant(new long[] {0, ((long) b << 40) + ((long) li << 20)}));
            h = l.apply(tf, h, lp, new LayerContext(s, training, seed));
            outs.add(h);
            k += n;
            s = l.outShape(s);
        }
        return outs;
    }

    /** Block {@code b} with its own variables. */
    public Operand<TFloat32> applyBlock(Ops tf, int b, Operand<TFloat32> x, boolean training, Operand<TInt64> noiseSeed) {
        return applyBlock(tf, b, x, params.get(b), training, noiseSeed);
    }

    /** All blocks composed: the plain network {@code f_L(...f_0(x))}, giving logits. */
    public Operand<TFloat32> forward(Ops tf, Operand<TFloat32> x, boolean training, Operand<TInt64> noiseSeed) {
        Operand<TFloat32> h = x;
        for (int b = 0; b < params.size(); b++) {
            h = applyBlock(tf, b, h, training, noiseSeed);
        }
        return h;
    }
}
