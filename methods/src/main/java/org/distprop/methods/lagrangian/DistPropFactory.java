package org.distprop.methods.lagrangian;

import static org.distprop.methods.HyperParam.option;

import java.util.ArrayList;
import java.util.List;
import org.distprop.methods.HyperParam;
import org.distprop.methods.MethodContext;
import org.distprop.methods.MethodFactory;
import org.distprop.methods.TrainingMethod;

public final class DistPropFactory implements MethodFactory {
    @Override
    public String name() {
        return "distprop";
    }

    @Override
    public String description() {
        return "Gaussian class prototypes at the split, z-score constraints, extragradient (the paper's method)";
    }

    @Override
    public List<HyperParam> hyperparameters(String dataset) {
        boolean imagenet = dataset.equals("imagenet");
        List<HyperParam> l = new ArrayList<>(SpecDefaults.common(name(), dataset, imagenet ? "hard" : "soft"));
        l.add(SpecDefaults.stepRule());
        l.add(HyperParam.positiveInt("num_samples", imagenet ? "1" : "32", "synthetic samples per class per evaluation (S)"));
        l.add(HyperParam.choice("noise", "fresh", "prototype sampling noise",
                option("fresh", "redrawn every evaluation, as run"), option("fixed", "one snapshot, paper")));
        l.add(HyperParam.choice("defect_form", imagenet ? "l1_mean" : "per_feature", "constraint form",
                option("per_feature", "z-score per feature"), option("l1_mean", "ImageNet per-example scalar mean |z|, code"),
                option("l1_sum", "ImageNet per-example scalar sum |z|, paper")));
        l.add(HyperParam.choice("loss_form", "logits", "training loss",
                option("logits", "cross-entropy over logits, paper"), option("prototype_axis", "the code's softmax over prototypes")));
        l.add(HyperParam.choice("init", "code", "prototype init",
                option("code", "U(+-1/sqrt(C))"), option("paper", "unit-sphere means, sigma 1")));
        l.add(HyperParam.choice("multipliers", "per_example", "multiplier layout",
                option("per_example", "as run, grows with |D|"), option("per_class", "Algorithm 1")));
        return l;
    }

    @Override
    public TrainingMethod create(MethodContext ctx) {
        return new DistPropMethod(ctx);
    }

    @Override
    public Presentation presentation() {
        return new Presentation("DistProp (as described)", "#6baed6", 60);
    }
}
