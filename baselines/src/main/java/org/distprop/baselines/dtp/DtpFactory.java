package org.distprop.baselines.dtp;

import java.util.List;
import org.distprop.baselines.core.UpdateRule;
import org.distprop.methods.HyperParam;
import org.distprop.methods.MethodContext;
import org.distprop.methods.MethodFactory;
import org.distprop.methods.TrainingMethod;
import org.distprop.methods.core.Architectures;

/**
 * Difference target propagation. Defaults: Lee et al.'s network, first-target step, orthogonal init
 * (conti_dtp.py, baselines-spec §1.6), with Adam as Bartunov et al. tuned DTP (lr 3e-4, the top of their
 * range; inverse lr 1e-3 as Meulemans' 1.96e-3; sigma 0.1 in their range) and the parallel schedule.
 * Lee's own centred RMSprop at lr 0.0149 diverged here (optimizer=rmsprop lr=0.0148893
 * lr_inverse=0.00501149 noise=0.359830 reproduces his settings).
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
        return List.of(
                new HyperParam("arch", "tanh-7x240", "network (Lee's 7x240 tanh MLP by default): " + String.join(", ", Architectures.NAMES)),
                HyperParam.choice("optimizer", "adam", "adam (Bartunov), rmsprop (Lee's centred RMSprop) or sgd", UpdateRule.NAMES),
                new HyperParam("lr", "0.0003", "forward-weight learning rate (Lee: 0.0148893 with rmsprop)"),
                new HyperParam("lr_inverse", "0.001", "inverse-weight learning rate (Lee: 0.00501149 with rmsprop)"),
                new HyperParam("target_step", "0.327736", "alpha of the first target h - alpha dJ/dh, J a batch mean (Lee)"),
                new HyperParam("noise", "0.1", "sigma of the inverse-training corruption (Lee: 0.359830)"),
                HyperParam.choice("schedule", "parallel", "parallel (forward + inverse update per minibatch) or alternating (Lee: by epochs)",
                        "parallel", "alternating"),
                HyperParam.choice("init", "orthogonal", "orthogonal (Lee's rand_ortho, zero biases) or default (PyTorch)",
                        "orthogonal", "default"));
    }

    @Override
    public String primaryLearningRate() {
        return "lr";
    }

    @Override
    public TrainingMethod create(MethodContext ctx) {
        return new DtpMethod(ctx);
    }
}
