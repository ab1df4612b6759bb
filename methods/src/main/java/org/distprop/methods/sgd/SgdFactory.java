package org.distprop.methods.sgd;

import java.util.List;
import org.distprop.methods.HyperParam;
import org.distprop.methods.MethodContext;
import org.distprop.methods.MethodFactory;
import org.distprop.methods.TrainingMethod;
import org.distprop.methods.core.Architectures;

public final class SgdFactory implements MethodFactory {
    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public String description() {
        return "backprop baseline; Adagrad lr 0.009185 as the paper's code ran it (optimizer=sgd for plain SGD)";
    }

    @Override
    public List<HyperParam> hyperparameters(String dataset) {
        return List.of(
                // ImageNet: the authors' primal lr (method-spec §3); 0.009185 blows AlexNet up at step 2
                HyperParam.positive("lr", dataset.equals("imagenet") ? "0.0001" : "0.009185",
                        "learning rate (method-spec §2.1: warmup_lr; ImageNet §3: 1e-4)"),
                HyperParam.choice("optimizer", "adagrad", "update rule",
                        HyperParam.option("adagrad", "as the authors ran it"), HyperParam.option("sgd", "plain SGD")),
                HyperParam.choice("arch", Architectures.defaultFor(dataset), "network", Architectures.NAMES));
    }

    @Override
    public String primaryLearningRate() {
        return "lr";
    }

    @Override
    public TrainingMethod create(MethodContext ctx) {
        return new SgdMethod(ctx);
    }

    @Override
    public Presentation presentation() {
        return new Presentation("SGD", "#595959", 10);
    }
}
