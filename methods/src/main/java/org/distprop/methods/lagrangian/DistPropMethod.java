package org.distprop.methods.lagrangian;

import java.util.ArrayList;
import java.util.List;
import org.distprop.methods.Hyperparams;
import org.distprop.methods.MethodContext;
import org.distprop.methods.core.Architecture;
import org.distprop.methods.core.Architectures;
import org.distprop.methods.core.Init;
import org.distprop.methods.core.Network;
import org.distprop.methods.core.RowTable;
import org.distprop.methods.core.Shrink;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * DistProp (method-spec §2.5, paper Algorithm 1): Gaussian class prototypes at the split instead
 * of per-example states, so the state count is 2 C H whatever |D| is. The first block's
 * multipliers are per example (as run, spec §6 #7; they grow with |D| as the paper's §3 admits) or
 * per class (Algorithm 1's lambda_{y(i)}, {@code multipliers=per_class}).
 */
final class DistPropMethod extends PrimalDualMethod {
    private final Variable<TFloat32> wMu;
    private final Variable<TFloat32> wSigma;
    private final RowTable multipliers;
    private final DistPropFormulation formulation;

    DistPropMethod(MethodContext ctx) {
        super(ctx);
        Hyperparams hp = ctx.hp();
        // the ReLU at the split is removed for MNIST/CIFAR, kept on ImageNet (spec §1.4, §6 #17)
        boolean reluAtSplit = ctx.data().name().equals("imagenet");
        Architecture arch = Architectures.build(hp.getChoice("arch"), ctx.data(), reluAtSplit);
        Network net = new Network(tf, arch, seeds, "");
        int h = (int) arch.blockOutShape(0)[0];
        int c = ctx.data().numClasses();
        int n = ctx.data().trainSize();
        float lrTheta = (float) hp.getDouble("lr_theta");
        float lrX = (float) hp.getDouble("lr_x");
        float lrY = (float) hp.getDouble("lr_y");
        float margin = (float) hp.getDouble("margin");
        Shrink shrink = Shrink.parse(hp.getChoice("shrink"));
        int samples = hp.getInt("num_samples");
        var defectForm = DistPropFormulation.DefectForm.valueOf(
                hp.getChoice("defect_form").toUpperCase());
        var lossForm = DistPropFormulation.LossForm.valueOf(hp.getChoice("loss_form").toUpperCase());
        if (lossForm == DistPropFormulation.LossForm.PROTOTYPE_AXIS && arch.numClasses() != c) {
            throw new IllegalArgumentException("loss_form=prototype_axis needs as many logits as classes");
        }
        boolean paperInit = hp.getChoice("init").equals("paper");
        boolean fixedNoise = hp.getChoice("noise").equals("fixed");
        boolean perClass = hp.getChoice("multipliers").equals("per_class");
        StepRule rule = StepRule.parse(hp.getChoice("step_rule"));

        long[] mapShape = {c, h};
        if (paperInit) {
            // paper §3: means on the unit sphere, standard deviation one (softplus^-1(1) = log(e - 1))
            var g = tf.random.statelessRandomNormal(tf.constant(mapShape), seeds.next(tf), TFloat32.class);
            var norm = tf.math.sqrt(tf.reduceSum(tf.math.square(g), tf.constant(1), org.tensorflow.op.core.ReduceSum.keepDims(true)));
            wMu = tf.withName("proto_mu").variable(tf.math.div(g, norm));
            wSigma = tf.withName("proto_sigma").variable(tf.fill(tf.constant(mapShape), tf.constant((float) Math.log(Math.E - 1))));
        } else {
            // the code: bias-free Linear(C -> H) default init, U(+-1/sqrt(C)) (spec §1.5)
            wMu = tf.withName("proto_mu").variable(Init.pytorchDefault(tf, seeds, mapShape, c));
            wSigma = tf.withName("proto_sigma").variable(Init.pytorchDefault(tf, seeds, mapShape, c));
        }
        int width = defectForm == DistPropFormulation.DefectForm.PER_FEATURE ? h : 1;
        multipliers = perClass ? RowTable.zeros(tf, "multipliers", c, width, y, false, false)
                : RowTable.zeros(tf, "multipliers", n, width, idx, false, true);

        List<Variable<TFloat32>> dense = new ArrayList<>(net.allParams());
        List<Float> lrs = new ArrayList<>();
        dense.forEach(v -> lrs.add(lrTheta));
        dense.add(wMu);
        dense.add(wSigma);
        lrs.add(lrX);
        lrs.add(lrX);
        var spec = new PrimalDual.Spec(dense, lrs, List.of(), List.of(), multipliers, lrY, rule);
        Operand<TInt64> fixed = fixedNoise ? seeds.next(tf) : null;
        var f = new DistPropFormulation(net, x, y, c, h, samples, shrink, margin, defectForm, lossForm, fixed);
        formulation = f;
        build(net, spec, f, 2L * c * h + multipliers.size());
    }

    Variable<TFloat32> mu() {
        return wMu;
    }

    Variable<TFloat32> sigma() {
        return wSigma;
    }

    RowTable multipliers() {
        return multipliers;
    }

    /**
     * Test hook: the noise eps [S, C, H] (row-major) of evaluation {@code evaluation} (0 = first,
     * 1 = extrapolated) of training step {@code step} (0-based, the step counter {@link #step} feeds).
     */
    float[] noiseAt(int evaluation, org.distprop.datasets.Batch b, long step) {
        return fetchFloats(formulation.noiseDraws.get(evaluation), b, step);
    }
}
