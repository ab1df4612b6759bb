package org.distprop.baselines.dtp;

import java.util.ArrayList;
import java.util.List;
import org.distprop.baselines.core.BaselineNets;
import org.distprop.baselines.core.UpdateRule;
import org.distprop.methods.HyperParam;
import org.distprop.methods.MethodContext;
import org.distprop.methods.MethodFactory;
import org.distprop.methods.TrainingMethod;
import org.distprop.methods.core.Architectures;

/**
 * Difference target propagation. Defaults: Lee et al.'s network, first-target step, orthogonal init
 * (conti_dtp.py, baselines-spec §1.6), with Adam as Bartunov et al. tuned DTP (lr 3e-4, the top of their
 * range; inverse lr 1e-3 as Meulemans' 1.96e-3; sigma 0.1 in their range; PyTorch's betas and eps) and the
 * parallel schedule. Lee's own centred RMSprop at lr 0.0149 diverged here (optimizer=rmsprop lr=0.0148893
 * lr_inverse=0.00501149 noise=0.359830 reproduces his settings). On cifar10 / imagenet the network is
 * DistProp's (cifar-lenet / alexnet) with PyTorch's init. {@link DtpForkFactory} is the same method with
 * the DistProp authors' fork configuration as its defaults.
 */
public final class DtpFactory implements MethodFactory {
    @Override
    public String name() {
        return "dtp";
    }

    @Override
    public String description() {
        return "difference target propagation (Lee et al. 2015): layer targets through learned inverses, local losses only";
    }

    @Override
    public List<HyperParam> hyperparameters(String dataset) {
        boolean mnistNet = BaselineNets.defaultArch(dataset, "tanh-7x240").equals("tanh-7x240");
        List<HyperParam> hp = new ArrayList<>(List.of(
                HyperParam.choice("arch", BaselineNets.defaultArch(dataset, "tanh-7x240"),
                        "network (Lee's 7x240 tanh MLP on MNIST; cifar-lenet / alexnet on cifar10 / imagenet)", Architectures.NAMES),
                HyperParam.choice("optimizer", "adam", "update rule of the forward and inverse weights", UpdateRule.options(
                        "Bartunov", "Lee's centred RMSprop", "")),
                HyperParam.positive("lr", "0.0003", "forward-weight learning rate (Lee: 0.0148893 with rmsprop)"),
                HyperParam.positive("lr_inverse", "0.001", "inverse-weight learning rate (Lee: 0.00501149 with rmsprop)"),
                HyperParam.fraction("beta1", "0.9", "Adam beta1 of the forward weights"),
                HyperParam.fraction("beta2", "0.999", "Adam beta2 of the forward weights"),
                HyperParam.positive("eps", "1e-8", "Adam epsilon of the forward weights"),
                HyperParam.fraction("beta1_inverse", "0.9", "Adam beta1 of the inverse weights"),
                HyperParam.fraction("beta2_inverse", "0.999", "Adam beta2 of the inverse weights"),
                HyperParam.positive("eps_inverse", "1e-8", "Adam epsilon of the inverse weights"),
                HyperParam.positive("target_step", "0.327736", "alpha of the first target h - alpha dJ/dh, J a batch mean (Lee)"),
                HyperParam.positive("noise", "0.1", "sigma of the inverse-training corruption (Lee: 0.359830)"),
                HyperParam.choice("schedule", "parallel", "update schedule",
                        HyperParam.option("parallel", "forward + inverse update per minibatch"),
                        HyperParam.option("alternating", "Lee: by epochs")),
                HyperParam.choice("init", mnistNet ? "orthogonal" : "default", "weight init",
                        HyperParam.option("orthogonal", "Lee's rand_ortho on dense weights, zero biases"),
                        HyperParam.option("default", "PyTorch")),
                HyperParam.bool("readout_only", "false",
                        "diagnostic (baselines-spec §0.3, §5.5): train only the read-out on the cross-entropy, hidden layers fixed at init")));
        return hp;
    }

    @Override
    public String primaryLearningRate() {
        return "lr";
    }

    @Override
    public TrainingMethod create(MethodContext ctx) {
        return new DtpMethod(ctx);
    }

    @Override
    public Presentation presentation() {
        return new Presentation("DTP", "#9467bd", 80);
    }
}
