package org.distprop.baselines.oam;

import java.util.ArrayList;
import java.util.List;
import org.distprop.baselines.core.Layerwise;
import org.distprop.baselines.core.LayerwiseMethod;
import org.distprop.baselines.core.UpdateRule;
import org.distprop.methods.MethodContext;
import org.distprop.methods.core.Architecture;
import org.distprop.methods.core.Architectures;
import org.distprop.methods.core.Losses;
import org.distprop.methods.core.Optimizers;
import org.distprop.methods.core.Vjp;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Online alternating minimisation with auxiliary codes, AM-Adam of IBM's online-alt-min
 * (Choromanska et al. 2019; baselines-spec §3.2). Modules are [activation/pool/flatten, linear]
 * ({@link Layerwise#beforeLinear}); the K codes are the linear modules' pre-activation outputs and the
 * last module is the read-out. One minibatch:
 * <ol>
 * <li>codes c0_k from a forward pass (constants);
 * <li>top-down, for each code a fresh Nesterov-SGD inner loop of {@code code_steps} steps on
 * {@code (1/mu) CE(out(c_K), y) + MSE(c_K, c0_K)} (top) or
 * {@code MSE(m_{k+1}(c_k), c_{k+1}) + MSE(c_k, c0_k)} (lower; c_{k+1} already updated, constant);
 * MSE is the mean over all elements (F.mse_loss);
 * <li>one Adam step per module on its local loss: {@code CE(out(c_K), y)} for the read-out,
 * {@code MSE(m_k(c_{k-1}), c_k)} for module k (c_{-1} = x), codes constant.
 * </ol>
 * The inner loops are unrolled in the graph, so a step is one session run; every iterate is a
 * stop-gradient constant, so no update differentiates through another module. The learning rates
 * halve every {@code lr_halving_epochs} epochs (IBM's LambdaLR; 0 = never), epochs counted from the
 * examples seen, so the schedule is the reference's at any batch size (IBM: batch 200).
 */
public final class OamMethod extends LayerwiseMethod {
    private final int codes;
    private final int codeSteps;
    private final List<Operand<TFloat32>> initialCodes = new ArrayList<>();
    private final List<Operand<TFloat32>> updatedCodes = new ArrayList<>();
    private final List<List<Operand<TFloat32>>> codeObjectives = new ArrayList<>();
    private final Operand<TFloat32> epoch;
    private final Operand<TFloat32> lrScale;

    public OamMethod(MethodContext ctx) {
        this(ctx, Architectures.build(ctx.hp().getChoice("arch"), ctx.data(), true));
    }

    public OamMethod(MethodContext ctx, Architecture network) {
        super(ctx, Layerwise.beforeLinear(network));
        var hp = ctx.hp();
        float lrWeights = (float) hp.getDouble("lr_weights");
        float lrOut = (float) hp.getDouble("lr_out");
        float lrCodes = (float) hp.getDouble("lr_codes");
        float momentum = (float) hp.getDouble("code_momentum");
        float mu = (float) hp.getDouble("mu");
        double halving = hp.getDouble("lr_halving_epochs");
        codeSteps = hp.getInt("code_steps");
        codes = numBlocks - 1;
        if (codes < 1) {
            throw new IllegalArgumentException("OAM needs at least one hidden linear layer");
        }
        int classes = ctx.data().numClasses();

        // 1. codes from a forward pass
        Operand<TFloat32> h = x;
        for (int k = 0; k < codes; k++) {
            h = tf.stopGradient(net.applyBlock(tf, k, h, true, noiseSeed));
            initialCodes.add(h);
        }
        var loss = Losses.crossEntropy(tf, net.applyBlock(tf, codes, h, true, noiseSeed), y, classes);

        // 2. code updates, top-down
        Operand<TFloat32>[] c = newArray(codes);
        for (int k = codes - 1; k >= 0; k--) {
            final int kk = k;
            Operand<TFloat32> code = initialCodes.get(k);
            Operand<TFloat32> buf = null;
            List<Operand<TFloat32>> objs = new ArrayList<>();
            for (int t = 0; t < codeSteps; t++) {
                Operand<TFloat32> obj = codeObjective(kk, code, kk == codes - 1 ? null : c[kk + 1], mu, classes);
                if (t == 0) {
                    objective("code " + k + " objective", obj, net.params(k + 1));
                }
                objs.add(obj);
                var g = Vjp.grad(tf, obj, code);
                var s = Optimizers.nesterov(tf, code, buf, g, lrCodes, momentum);
                code = tf.stopGradient(s.x());
                buf = tf.stopGradient(s.buf());
            }
            objs.add(codeObjective(kk, code, kk == codes - 1 ? null : c[kk + 1], mu, classes));
            codeObjectives.add(0, objs);
            c[k] = code;
        }
        updatedCodes.addAll(List.of(c));

        // 3. module-local weight losses on the updated codes
        var outLoss = Losses.crossEntropy(tf, net.applyBlock(tf, codes, c[codes - 1], true, noiseSeed), y, classes);
        objective("read-out loss", outLoss, net.params(codes));
        Operand<TFloat32> hiddenLoss = tf.constant(0f);
        List<Variable<TFloat32>> hidden = new ArrayList<>();
        for (int k = 0; k < codes; k++) {
            var in = k == 0 ? x : c[k - 1];
            var local = mse(net.applyBlock(tf, k, in, true, noiseSeed), c[k]);
            objective("module " + k + " loss", local, net.params(k));
            hiddenLoss = tf.math.add(hiddenLoss, local);
            hidden.addAll(net.params(k));
        }
        var gOut = Vjp.grad(tf, outLoss, net.params(codes));
        var gHidden = Vjp.grad(tf, hiddenLoss, hidden);

        List<Operand<?>> deps = new ArrayList<>(gOut);
        deps.addAll(gHidden);
        deps.add(loss);
        // examples seen before this step; epoch = floor(seen / train size) counts whole passes exactly, also
        // when an epoch ends in a short batch (the batcher keeps it), at any batch size (float32: exact to 2^24 examples,
        // 280 MNIST epochs; beyond that the epoch boundary may shift by one step)
        var seen = tf.withName("oam_examples_seen").variable(tf.constant(0f));
        var batch = tf.dtypes.cast(tf.squeeze(tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}))), TFloat32.class);
        epoch = tf.math.floor(tf.math.div(seen, tf.constant((float) ctx.data().trainSize())));
        Operand<TFloat32> scale = null;
        if (halving > 0) {
            // IBM: LambdaLR(lr * 0.5^floor(epoch / 8)), stepped once per epoch: constant within an epoch
            scale = tf.math.pow(tf.constant(0.5f), tf.math.floor(tf.math.div(epoch, tf.constant((float) halving))));
            deps.add(scale);
        }
        lrScale = scale == null ? tf.constant(1f) : scale;
        List<Op> updates = new ArrayList<>(new UpdateRule(tf, "adam", net.params(codes), "out").apply(tf, deps, gOut, lrOut, scale));
        updates.addAll(new UpdateRule(tf, "adam", hidden, "hidden").apply(tf, deps, gHidden, lrWeights, scale));
        updates.add(tf.withControlDependencies(new ArrayList<>(updates)).assignAdd(seen, batch));
        trainStep(List.of(loss), updates);
        evaluateWith(net);
        initialize();
    }

    /** Local objective of code k (top: the read-out's CE / mu; lower: fit of the next module to its code). */
    private Operand<TFloat32> codeObjective(int k, Operand<TFloat32> code, Operand<TFloat32> next, float mu, int classes) {
        var prox = mse(code, initialCodes.get(k));
        if (next == null) {
            var ce = Losses.crossEntropy(tf, net.applyBlock(tf, k + 1, code, true, noiseSeed), y, classes);
            return tf.math.add(tf.math.div(ce, tf.constant(mu)), prox);
        }
        return tf.math.add(mse(net.applyBlock(tf, k + 1, code, true, noiseSeed), next), prox);
    }

    private Operand<TFloat32> mse(Operand<TFloat32> a, Operand<TFloat32> b) {
        var sq = tf.math.square(tf.math.sub(a, b));
        return tf.math.mean(tf.reshape(sq, tf.constant(new long[] {-1})), tf.constant(0));
    }

    @SuppressWarnings("unchecked")
    private static Operand<TFloat32>[] newArray(int n) {
        return new Operand[n];
    }

    /** The DistProp fork's count (baselines-spec §3.2): K x code steps + K hidden + 1 read-out = 25 on LeNet. */
    @Override
    public int gradientEvaluationsPerStep() {
        return codes * codeSteps + codes + 1;
    }

    /** Per code k: its objective before each inner step and after the last one. */
    public List<List<Operand<TFloat32>>> codeObjectives() {
        return codeObjectives;
    }

    /** The learning-rate factor of the next step, 0.5^floor(epoch / lr_halving_epochs) (1 when never halved). */
    public Operand<TFloat32> lrScale() {
        return lrScale;
    }

    /** Completed epochs before the next step (examples seen / train size, floored). */
    public Operand<TFloat32> epoch() {
        return epoch;
    }

    public List<Operand<TFloat32>> initialCodes() {
        return initialCodes;
    }

    public List<Operand<TFloat32>> updatedCodes() {
        return updatedCodes;
    }

    @Override
    public long auxiliaryVariableCount() {
        return 0; // codes live only within a step (unrolled tensors), never as persistent state
    }
}
