package org.distprop.baselines.dtp;

import java.util.ArrayList;
import java.util.List;
import org.distprop.baselines.core.Layerwise;
import org.distprop.baselines.core.LayerwiseMethod;
import org.distprop.baselines.core.UpdateRule;
import org.distprop.datasets.Batch;
import org.distprop.methods.MethodContext;
import org.distprop.methods.StepMetrics;
import org.distprop.methods.core.Architecture;
import org.distprop.methods.core.Architectures;
import org.distprop.methods.core.Layer;
import org.distprop.methods.core.Losses;
import org.distprop.methods.core.Vjp;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.Qr;
import org.tensorflow.types.TFloat32;

/**
 * Difference Target Propagation, Lee et al. 2015's "LeeDTP" form (baselines-spec §1, recipe §6.3).
 * With hidden block outputs h_0..h_{L-2} and logits from block L-1:
 * <ul>
 * <li>first target {@code t_{L-2} = h_{L-2} - alpha dJ/dh_{L-2}} (J = batch-mean cross-entropy; the
 * one gradient that crosses a layer, only the read-out);
 * <li>difference correction {@code t_{l-1} = h_{l-1} - g_l(h_l) + g_l(t_l)} for l = L-2 .. 1;
 * <li>forward loss {@code J + sum_l mean_batch sum_units (h_l - t_l)^2}, targets constant, each block's
 * input detached, so each layer only sees its own target (the read-out gets dJ: a delta rule);
 * <li>inverse loss {@code sum_l mean_batch sum_units (g_l(f_l(h~)) - h~)^2}, {@code h~ = h_{l-1} + sigma N(0,1)}
 * (Lee's noise-preserving form), differentiated only w.r.t. the inverse's V_l, c_l.
 * </ul>
 * Schedules: {@code parallel} (Bartunov; forward and inverse update per minibatch from the same
 * activations) or {@code alternating} (Lee: whole epochs of inverse-only, then forward-only updates).
 * Defaults are Lee's MNIST settings: 7x240 tanh, orthogonal init (see {@link DtpFactory} for the optimizer).
 * {@code readout_only=true} is a diagnostic, not DTP: only the read-out is trained (baselines-spec §0.3).
 */
public final class DtpMethod extends LayerwiseMethod {
    private final Forward fwd;
    private final List<Inverse> inverses = new ArrayList<>();
    private final List<Operand<TFloat32>> targets;
    private final Operand<TFloat32> loss;
    private final Operand<TFloat32> inverseLoss;
    private final List<Op> forwardUpdates;
    private final List<Op> inverseUpdates;
    private final boolean alternating;
    private final boolean readoutOnly;
    private final List<Op> orthogonalInit = new ArrayList<>();

    public DtpMethod(MethodContext ctx) {
        this(ctx, Architectures.build(ctx.hp().getChoice("arch"), ctx.data(), true));
    }

    public DtpMethod(MethodContext ctx, Architecture network) {
        super(ctx, Layerwise.afterActivations(network));
        var hp = ctx.hp();
        String optimizer = hp.getChoice("optimizer");
        float lr = (float) hp.getDouble("lr");
        float lrInverse = (float) hp.getDouble("lr_inverse");
        float alpha = (float) hp.getDouble("target_step");
        float sigma = (float) hp.getDouble("noise");
        alternating = hp.getChoice("schedule").equals("alternating");
        boolean orthogonal = hp.getChoice("init").equals("orthogonal");
        readoutOnly = hp.getBoolean("readout_only");
        var adamForward = adamSettings(hp, "");
        var adamInverse = adamSettings(hp, "_inverse");
        if (numBlocks < 2) {
            throw new IllegalArgumentException("DTP needs at least one hidden layer");
        }
        int last = numBlocks - 1;
        for (int b = 1; b < last; b++) {
            inverses.add(new Inverse(tf, arch, b, seeds));
        }

        fwd = detachedForward(x);
        List<Operand<TFloat32>> h = fwd.out();
        loss = Losses.crossEntropy(tf, fwd.logits(), y, ctx.data().numClasses());

        // targets: the first from the read-out gradient, the rest by difference correction
        Operand<TFloat32>[] t = newArray(last);
        var dJ = Vjp.grad(tf, loss, fwd.in().get(last));
        t[last - 1] = tf.stopGradient(tf.math.sub(h.get(last - 1), tf.math.mul(tf.constant(alpha), dJ)));
        for (int b = last - 1; b >= 1; b--) {
            Inverse g = inverses.get(b - 1);
            var route = g.prePool(tf, fwd.in().get(b), net.params(b));
            var correction = tf.math.sub(g.apply(tf, t[b], route), g.apply(tf, h.get(b), route));
            t[b - 1] = tf.stopGradient(tf.math.add(h.get(b - 1), correction));
        }
        targets = List.of(t);

        // forward (layer-local) loss
        Operand<TFloat32> forwardLoss = loss;
        objective("read-out cross-entropy", loss, net.params(last));
        for (int b = 0; b < last; b++) {
            var local = batchMeanSumSq(tf.math.sub(h.get(b), t[b]), arch.blockOutShape(b).length);
            objective("layer " + b + " target loss", local, net.params(b));
            forwardLoss = tf.math.add(forwardLoss, local);
        }
        // readout_only: the diagnostic of baselines-spec §0.3/§5.5 (the fork's train_bp): only the read-out
        // learns, from dJ; hidden layers and inverses stay at their initial values
        var params = readoutOnly ? net.params(last) : net.allParams();
        var fgrads = Vjp.grad(tf, readoutOnly ? loss : forwardLoss, params);

        // inverse loss with noise injection
        Operand<TFloat32> inv = tf.constant(0f);
        List<Variable<TFloat32>> invVars = new ArrayList<>();
        for (int b = 1; b < last; b++) {
            Inverse g = inverses.get(b - 1);
            var clean = fwd.in().get(b); // = stopGradient(h_{b-1})
            var noise = tf.stopGradient(tf.random.statelessRandomNormal(tf.shape(clean), stepSeed(1000 + b), TFloat32.class));
            var noisy = tf.stopGradient(tf.math.add(clean, tf.math.mul(tf.constant(sigma), noise)));
            var fNoisy = tf.stopGradient(net.applyBlock(tf, b, noisy, true, noiseSeed));
            var route = g.prePool(tf, noisy, net.params(b));
            var local = batchMeanSumSq(tf.math.sub(g.apply(tf, fNoisy, route), noisy), arch.blockInShape(b).length);
            objective("inverse " + b + " reconstruction loss", local, g.variables());
            inv = tf.math.add(inv, local);
            invVars.addAll(g.variables());
        }
        inverseLoss = inv;
        List<Operand<TFloat32>> igrads = invVars.isEmpty() ? List.of() : Vjp.grad(tf, inverseLoss, invVars);

        List<Operand<?>> deps = new ArrayList<>(fgrads);
        if (!readoutOnly) {
            deps.addAll(igrads);
        }
        deps.add(loss);
        deps.add(inverseLoss);
        forwardUpdates = new UpdateRule(tf, optimizer, params, "theta", adamForward).apply(tf, deps, fgrads, lr, null);
        inverseUpdates = invVars.isEmpty() || readoutOnly ? List.of()
                : new UpdateRule(tf, optimizer, invVars, "inverse", adamInverse).apply(tf, deps, igrads, lrInverse, null);
        List<Op> all = new ArrayList<>(forwardUpdates);
        all.addAll(inverseUpdates);
        trainStep(List.of(loss, inverseLoss), all);
        if (orthogonal) {
            for (var v : net.allParams()) {
                orthogonalize(v);
            }
            for (Inverse g : inverses) {
                orthogonalize(g.v());
            }
        }
        evaluateWith(net);
        initialize();
        if (!orthogonalInit.isEmpty()) {
            var r = session().runner();
            orthogonalInit.forEach(r::addTarget);
            r.run();
        }
    }

    /** Adam's beta1, beta2, eps for the forward ({@code suffix} "") or inverse ("_inverse") weights. */
    private static UpdateRule.AdamSettings adamSettings(org.distprop.methods.Hyperparams hp, String suffix) {
        return new UpdateRule.AdamSettings((float) hp.getDouble("beta1" + suffix), (float) hp.getDouble("beta2" + suffix),
                (float) hp.getDouble("eps" + suffix));
    }

    /** Lee's rand_ortho: (semi-)orthogonal dense weights with unit singular values (baselines-spec §1.6). */
    private void orthogonalize(Variable<TFloat32> v) {
        long[] s = v.shape().asArray();
        if (s.length == 1) {
            orthogonalInit.add(tf.assign(v, tf.zerosLike(v))); // Lee: zero biases
            return;
        }
        if (s.length != 2) {
            return; // conv kernels keep PyTorch's init
        }
        boolean tall = s[0] >= s[1];
        long[] a = tall ? s : new long[] {s[1], s[0]};
        var g = tf.random.statelessRandomNormal(tf.constant(a), seeds.next(tf), TFloat32.class);
        Operand<TFloat32> q = tf.linalg.qr(g, Qr.fullMatrices(false)).q();
        if (!tall) {
            q = tf.linalg.transpose(q, tf.constant(new int[] {1, 0}));
        }
        orthogonalInit.add(tf.assign(v, q));
    }

    @SuppressWarnings("unchecked")
    private static Operand<TFloat32>[] newArray(int n) {
        return new Operand[n];
    }

    @Override
    public StepMetrics step(Batch batch) {
        if (!alternating || readoutOnly) {
            return super.step(batch);
        }
        long t0 = System.nanoTime();
        try (Feed f = feed(batch)) {
            long epoch = f.step() * batch.size() / Math.max(1, ctx.data().trainSize());
            // Lee: an epoch of inverse-only updates, then an epoch of forward-only updates
            var r = f.runner().fetch(loss).fetch(inverseLoss);
            (epoch % 2 == 0 ? inverseUpdates : forwardUpdates).forEach(r::addTarget);
            try (Result res = r.run()) {
                return StepMetrics.unconstrained(scalar(res, 0), (System.nanoTime() - t0) / 1e6);
            }
        }
    }

    /** Parallel: one sweep of forward-weight gradients and one of inverse gradients; alternating or read-out only: one. */
    @Override
    public int gradientEvaluationsPerStep() {
        return alternating || readoutOnly ? 1 : 2;
    }

    public Forward forward() {
        return fwd;
    }

    /** Targets t_0 .. t_{L-2} of the hidden blocks. */
    public List<Operand<TFloat32>> targets() {
        return targets;
    }

    public Operand<TFloat32> inverseLoss() {
        return inverseLoss;
    }

    /** V_l, c_l of the inverse of block l (l = 1 .. L-2). */
    public List<Variable<TFloat32>> inverseVariables(int block) {
        return inverses.get(block - 1).variables();
    }

}
