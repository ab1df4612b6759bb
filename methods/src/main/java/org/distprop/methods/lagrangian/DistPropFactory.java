package org.distprop.methods.lagrangian;

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
        l.add(HyperParam.choice("noise", "fresh", "fresh (redrawn every evaluation, as run) or fixed (one snapshot, paper)",
                "fresh", "fixed"));
        l.add(HyperParam.choice("defect_form", imagenet ? "l1_mean" : "per_feature",
                "per_feature z-score, or the ImageNet per-example scalar l1_mean (code) / l1_sum (paper) of |z|",
                "per_feature", "l1_mean", "l1_sum"));
        l.add(HyperParam.choice("loss_form", "logits",
                "logits (cross-entropy over logits, paper) or prototype_axis (the code's softmax over prototypes)", "logits", "prototype_axis"));
        l.add(HyperParam.choice("init", "code", "prototype init: code (U(+-1/sqrt(C))) or paper (unit-sphere means, sigma 1)",
                "code", "paper"));
        l.add(HyperParam.choice("multipliers", "per_example", "per_example (as run, grows with |D|) or per_class (Algorithm 1)",
                "per_example", "per_class"));
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
