package org.distprop.baselines.dtp;

import java.util.List;
import org.distprop.methods.HyperParam;
import org.distprop.methods.MethodContext;
import org.distprop.methods.MethodFactory;
import org.distprop.methods.TrainingMethod;
import org.distprop.methods.core.Architectures;

/** Difference target propagation; defaults are Lee et al.'s conti_dtp.py MNIST settings (baselines-spec §1.6). */
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
                new HyperParam("optimizer", "rmsprop", "rmsprop (Lee's centred RMSprop), adam or sgd"),
                new HyperParam("lr", "0.0148893", "forward-weight learning rate (Lee)"),
                new HyperParam("lr_inverse", "0.00501149", "inverse-weight learning rate (Lee)"),
                new HyperParam("target_step", "0.327736", "alpha of the first target h - alpha dJ/dh, J a batch mean (Lee)"),
                new HyperParam("noise", "0.359830", "sigma of the inverse-training corruption (Lee)"),
                new HyperParam("schedule", "parallel", "parallel (forward + inverse update per minibatch) or alternating (Lee: by epochs)"),
                new HyperParam("init", "orthogonal", "orthogonal (Lee's rand_ortho, zero biases) or default (PyTorch)"));
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
