package org.distprop.baselines.dfa;

import java.util.List;
import org.distprop.baselines.core.BaselineNets;
import org.distprop.baselines.core.UpdateRule;
import org.distprop.methods.HyperParam;
import org.distprop.methods.MethodContext;
import org.distprop.methods.MethodFactory;
import org.distprop.methods.TrainingMethod;
import org.distprop.methods.core.Architectures;

/** Direct feedback alignment; see {@link DfaMethod}. */
public class DfaFactory implements MethodFactory {
    @Override
    public String name() {
        return "dfa";
    }

    @Override
    public String description() {
        return "direct feedback alignment (Nøkland 2016): output error to every hidden layer through fixed random matrices";
    }

    @Override
    public List<HyperParam> hyperparameters(String dataset) {
        return List.of(
                HyperParam.choice("arch", BaselineNets.defaultArch(dataset, "tanh-2x800"),
                        "network (Nøkland's MLP on MNIST; cifar-lenet / alexnet on cifar10 / imagenet)", Architectures.NAMES),
                HyperParam.choice("optimizer", "adam", "update rule", UpdateRule.options("", "centred, Lee's", "")),
                HyperParam.positive("lr", "5e-4", "Adam learning rate (Nøkland: RMSprop 1e-4 for 300 epochs; 5e-4 reaches 97 % in 3,000 steps of 128)"),
                HyperParam.positive("feedback_scale", "1", "feedback entries ~ U(+-scale/sqrt(fan)), fan = layer width (DFA) or fan-in (FA)"));
    }

    @Override
    public String primaryLearningRate() {
        return "lr";
    }

    @Override
    public TrainingMethod create(MethodContext ctx) {
        return new DfaMethod(ctx, DfaMethod.Mode.DFA);
    }

    @Override
    public Presentation presentation() {
        return new Presentation("DFA", "#8c564b", 90);
    }
}
