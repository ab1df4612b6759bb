package org.distprop.methods.lagrangian;

import java.util.List;
import org.distprop.methods.core.Losses;
import org.distprop.methods.core.Network;
import org.distprop.methods.core.Shrink;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * DistProp (method-spec §2.5): per-class Gaussian prototypes at the split, {@code mu_c = W_mu[c]},
 * {@code sigma_c = softplus(W_sigma[c])} (rows of [C, H] maps = the one-hot linear maps of the code).
 * Constraint per example: z-score {@code z_i = (f_0(x_i) - mu_{y_i}) / sigma_{y_i}}, shrunk per
 * feature, or (ImageNet, §3) the per-example scalar mean/sum of |z| shrunk. Task loss on
 * {@code S x C} reparameterised samples {@code mu_c + sigma_c eps} pushed through the later block,
 * target c. Dense tensors: block-0 params, block-1 params, W_mu, W_sigma; no row tables.
 */
final class DistPropFormulation implements Formulation {
    enum DefectForm { PER_FEATURE, L1_MEAN, L1_SUM }

    enum LossForm { LOGITS, PROTOTYPE_AXIS }

    private final Network net;
    private final Operand<TFloat32> x;
    private final Operand<TInt32> y;
    private final int classes;
    private final int width;
    private final int samples;
    private final Shrink shrink;
    private final float margin;
    private final DefectForm defectForm;
    private final LossForm lossForm;
    /** Non-null: the fixed noise snapshot's seed (paper's derandomisation); null: the evaluation's seed. */
    private final Operand<TInt64> fixedNoise;
    /** Test hook: the noise tensor eps of each evaluation, in build order (0 = first, 1 = extrapolated). */
    final List<Operand<TFloat32>> noiseDraws = new java.util.ArrayList<>();

    DistPropFormulation(Network net, Operand<TFloat32> x, Operand<TInt32> y, int classes, int width, int samples,
                        Shrink shrink, float margin, DefectForm defectForm, LossForm lossForm, Operand<TInt64> fixedNoise) {
        this.net = net;
        this.x = x;
        this.y = y;
        this.classes = classes;
        this.width = width;
        this.samples = samples;
        this.shrink = shrink;
        this.margin = margin;
        this.defectForm = defectForm;
        this.lossForm = lossForm;
        this.fixedNoise = fixedNoise;
    }

    @Override
    public Objective evaluate(Ops tf, List<Operand<TFloat32>> dense, List<Operand<TFloat32>> rows,
                              Operand<TFloat32> multipliers, Operand<TInt64> noise) {
        int n0 = net.params(0).size();
        int n1 = net.params(1).size();
        var wMu = dense.get(n0 + n1);
        var sigma = tf.math.softplus(dense.get(n0 + n1 + 1));
        var zero = tf.constant(0);

        // constraint on the real batch
        var a = net.applyBlock(tf, 0, x, dense.subList(0, n0), true, noise);
        var z = tf.math.div(tf.math.sub(a, tf.gather(wMu, y, zero)), tf.gather(sigma, y, zero));
        Operand<TFloat32> g = switch (defectForm) {
            case PER_FEATURE -> shrink.apply(tf, z, margin);
            case L1_MEAN -> shrink.apply(tf, tf.math.mean(tf.math.abs(z), tf.constant(1), Mean.keepDims(true)), margin);
            case L1_SUM -> shrink.apply(tf, tf.reduceSum(tf.math.abs(z), tf.constant(1), ReduceSum.keepDims(true)), margin);
        };

        // task loss on synthetic samples: S per class, shape [S, C, H] -> [S*C, H], row s*C + c has class c
        var eps = tf.random.statelessRandomNormal(tf.constant(new long[] {samples, classes, width}),
                fixedNoise != null ? fixedNoise : noise, TFloat32.class);
        noiseDraws.add(eps);
        var h = tf.math.add(tf.expandDims(wMu, zero), tf.math.mul(tf.expandDims(sigma, zero), eps));
        var flat = tf.reshape(h, tf.constant(new long[] {(long) samples * classes, width}));
        var logits = net.applyBlock(tf, 1, flat, dense.subList(n0, n0 + n1), true, noise);
        Operand<TFloat32> loss = switch (lossForm) {
            case LOGITS -> Losses.crossEntropy(tf, logits, tf.constant(sampleLabels()), classes);
            case PROTOTYPE_AXIS -> prototypeAxisLoss(tf, logits);
        };
        var axes = tf.constant(new int[] {0, 1});
        var value = tf.math.add(loss, tf.reduceSum(tf.math.mul(multipliers, g), axes));
        return new Objective(loss, g, value);
    }

    private int[] sampleLabels() {
        int[] l = new int[samples * classes];
        for (int i = 0; i < l.length; i++) {
            l[i] = i % classes;
        }
        return l;
    }

    /**
     * The authors' as-run loss (§2.5.3): LogSoftmax over the prototype axis of the [S, C, K] logits,
     * {@code -(1/(S C)) sum_{s,c} [z[s,c,c] - log sum_c' exp z[s,c',c]]}. Needs K = C.
     */
    private Operand<TFloat32> prototypeAxisLoss(Ops tf, Operand<TFloat32> logits) {
        var z = tf.reshape(logits, tf.constant(new long[] {samples, classes, classes}));
        var perUnit = tf.linalg.transpose(z, tf.constant(new int[] {0, 2, 1})); // [S, K, C]
        var logp = tf.nn.logSoftmax(perUnit);                                    // normalised over C
        float[][] eye = new float[classes][classes];
        for (int c = 0; c < classes; c++) {
            eye[c][c] = 1f;
        }
        var picked = tf.reduceSum(tf.math.mul(logp, tf.constant(eye)), tf.constant(new int[] {0, 1, 2}));
        return tf.math.neg(tf.math.div(picked, tf.constant((float) samples * classes)));
    }
}
