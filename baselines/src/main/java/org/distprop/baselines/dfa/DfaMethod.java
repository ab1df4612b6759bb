package org.distprop.baselines.dfa;

import java.util.ArrayList;
import java.util.List;
import org.distprop.baselines.core.Layerwise;
import org.distprop.baselines.core.LayerwiseMethod;
import org.distprop.baselines.core.UpdateRule;
import org.distprop.methods.MethodContext;
import org.distprop.methods.core.Architecture;
import org.distprop.methods.core.Architectures;
import org.distprop.methods.core.Init;
import org.distprop.methods.core.Layer;
import org.distprop.methods.core.LayerContext;
import org.distprop.methods.core.Losses;
import org.distprop.methods.core.Vjp;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Direct Feedback Alignment (Nøkland 2016) and Feedback Alignment (Lillicrap et al. 2016), graph
 * recipe of baselines-spec §6.2. The output error {@code e = dJ/dlogits = (softmax - onehot)/B}
 * (batch-mean cross-entropy) is the only global signal:
 * <ul>
 * <li>DFA: each hidden block's output (after activation and pooling, §2.4) receives
 * {@code s_l = e B_l}, with a fixed random {@code B_l} of shape [C, n_l] drawn U(±scale/sqrt(n_l))
 * (Nøkland's dfa-torch, §2.2);
 * <li>FA: the signal steps down one block at a time through a fixed random matrix {@code B_l} shaped
 * like {@code W_l} (conv kernels too), and through the forward pass's own activation, pooling and
 * dropout ops (the same ReLU pattern, pool argmax and dropout mask; {@link #alignedVjp}).
 * </ul>
 * The feedback matrices are seeded variables (not constants, §6.1) outside every update list. One
 * {@code tf.gradients} call with {@code ys} = all block outputs and {@code dx} = their signals gives
 * every layer's update; the stop-gradient at each block input keeps it local. The read-out gets
 * its true gradient (delta rule).
 */
public final class DfaMethod extends LayerwiseMethod {
    public enum Mode { DFA, FA }

    private final Mode mode;
    private final Forward fwd;
    private final List<Variable<TFloat32>> feedback = new ArrayList<>();
    private final Operand<TFloat32> error;
    private final List<Operand<TFloat32>> signals;

    public DfaMethod(MethodContext ctx, Mode mode) {
        this(ctx, mode, Architectures.build(ctx.hp().getChoice("arch"), ctx.data(), true));
    }

    public DfaMethod(MethodContext ctx, Mode mode, Architecture network) {
        super(ctx, Layerwise.afterActivations(network));
        this.mode = mode;
        String optimizer = ctx.hp().getChoice("optimizer");
        float lr = (float) ctx.hp().getDouble("lr");
        double scale = ctx.hp().getDouble("feedback_scale");
        int classes = ctx.data().numClasses();

        fwd = detachedForward(x);
        var logits = fwd.logits();
        var loss = Losses.crossEntropy(tf, logits, y, classes);
        error = tf.stopGradient(Vjp.grad(tf, loss, logits));
        signals = mode == Mode.DFA ? directSignals(classes, scale) : alignedSignals(scale);

        var params = net.allParams();
        var grads = Vjp.of(tf, fwd.out(), params, signals);
        for (int b = 0; b < numBlocks; b++) {
            objective("block " + b + " output", fwd.out().get(b), net.params(b));
        }
        List<Operand<?>> deps = new ArrayList<>(grads);
        deps.add(loss);
        var updates = new UpdateRule(tf, optimizer, params, "theta").apply(tf, deps, grads, lr, null);
        trainStep(List.of(loss), updates);
        evaluateWith(net);
        initialize();
    }

    /** DFA: s_l = reshape(e B_l) for every hidden block, e for the read-out. */
    private List<Operand<TFloat32>> directSignals(int classes, double scale) {
        List<Operand<TFloat32>> s = new ArrayList<>();
        for (int b = 0; b < numBlocks - 1; b++) {
            long n = Layerwise.outSize(arch, b);
            var fb = tf.withName("dfa_feedback_" + b).variable(Init.uniform(tf, seeds, new long[] {classes, n}, scale / Math.sqrt(n)));
            feedback.add(fb);
            s.add(tf.reshape(tf.linalg.matMul(error, fb), tf.shape(fwd.out().get(b))));
        }
        s.add(error);
        return s;
    }

    /** FA: s_{l-1} = VJP of block l with W_l replaced by B_l, at block l's true pre-activation. */
    private List<Operand<TFloat32>> alignedSignals(double scale) {
        Operand<TFloat32>[] s = newArray(numBlocks);
        s[numBlocks - 1] = error;
        for (int b = numBlocks - 1; b >= 1; b--) {
            s[b - 1] = alignedVjp(b, s[b], scale);
        }
        return List.of(s);
    }

    @SuppressWarnings("unchecked")
    private static Operand<TFloat32>[] newArray(int n) {
        return new Operand[n];
    }

    /**
     * The FA signal at block {@code b}'s input. Two VJPs: first from block b's output back to its
     * parametric layer's output, through the forward pass's own activation, pooling and dropout ops
     * (so the ReLU pattern, the pool argmax and the dropout mask are those of the forward pass, not
     * recomputed and never redrawn); then through the parametric layer with W_b replaced by the fixed
     * B_b (conv: a transposed conv with B_b's kernel; dense: s B_b^T), which is linear in its input.
     * Blocks from {@link Layerwise#afterActivations} start with their parametric layer (b >= 1).
     */
    private Operand<TFloat32> alignedVjp(int b, Operand<TFloat32> signal, double scale) {
        List<Layer> layers = arch.blocks().get(b);
        int pi = Layerwise.paramLayerIndex(arch, b);
        if (pi != 0) {
            throw new IllegalArgumentException("FA: block " + b + " of " + arch.name() + " must start with its conv/dense layer");
        }
        long[] shape = arch.blockInShape(b);
        Layer l = layers.get(pi);
        var pre = fwd.layers().get(b).get(pi);
        var atPre = pi == layers.size() - 1 ? signal : Vjp.of(tf, List.of(fwd.out().get(b)), List.of(pre), List.of(signal)).get(0);
        long[] wShape = l.paramShapes(shape).get(0);
        var fb = tf.withName("fa_feedback_" + b).variable(Init.uniform(tf, seeds, wShape, scale / Math.sqrt(l.fanIn(shape))));
        feedback.add(fb);
        var hin = fwd.in().get(b);
        var aB = l.apply(tf, hin, List.of(fb, Init.zeros(tf, l.paramShapes(shape).get(1))), new LayerContext(shape, true, null));
        return tf.stopGradient(Vjp.of(tf, List.of(aB), List.of(hin), List.of(atPre)).get(0));
    }

    public Mode mode() {
        return mode;
    }

    /** The fixed feedback variables (never updated). */
    public List<Variable<TFloat32>> feedback() {
        return List.copyOf(feedback);
    }

    /** e = dJ/dlogits of the current batch. */
    public Operand<TFloat32> error() {
        return error;
    }

    public Forward forward() {
        return fwd;
    }
}
