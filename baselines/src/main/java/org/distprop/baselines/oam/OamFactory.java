package org.distprop.baselines.oam;

import java.util.List;
import org.distprop.methods.HyperParam;
import org.distprop.methods.MethodContext;
import org.distprop.methods.MethodFactory;
import org.distprop.methods.TrainingMethod;
import org.distprop.methods.core.Architectures;

/** AM-Adam with IBM online-alt-min's defaults (baselines-spec §3.2). Their batch size is 200. */
public final class OamFactory implements MethodFactory {
    @Override
    public String name() {
        return "oam";
    }

    @Override
    public String description() {
        return "online alternating minimisation (Choromanska et al. 2019, AM-Adam): code optimisation, then layer-local Adam";
    }

    @Override
    public List<HyperParam> hyperparameters(String dataset) {
        return List.of(
                HyperParam.choice("arch", "lenet", "network (IBM's LeNet by default)", Architectures.NAMES),
                HyperParam.positive("lr_weights", "0.008", "Adam lr of the hidden modules"),
                HyperParam.positive("lr_out", "0.008", "Adam lr of the read-out module"),
                HyperParam.positive("lr_codes", "0.3", "SGD lr of the code inner loop"),
                HyperParam.fraction("code_momentum", "0.9", "Nesterov momentum of the code inner loop (fresh each minibatch)"),
                HyperParam.positiveInt("code_steps", "5", "inner steps per code"),
                HyperParam.positive("mu", "0.003", "weight 1/mu of the read-out loss in the top code objective"),
                HyperParam.nonNegative("lr_halving_epochs", "8", "halve all lrs every this many epochs (0 = never)"));
    }

    @Override
    public String primaryLearningRate() {
        return "lr_weights";
    }

    @Override
    public TrainingMethod create(MethodContext ctx) {
        return new OamMethod(ctx);
    }

    @Override
    public Presentation presentation() {
        return new Presentation("OAM", "#e377c2", 110);
    }
}
