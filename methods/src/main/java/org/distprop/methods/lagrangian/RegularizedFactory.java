package org.distprop.methods.lagrangian;

import java.util.List;
import org.distprop.methods.HyperParam;
import org.distprop.methods.MethodContext;
import org.distprop.methods.MethodFactory;
import org.distprop.methods.TrainingMethod;

public final class RegularizedFactory implements MethodFactory {
    @Override
    public String name() {
        return "regularized";
    }

    @Override
    public String description() {
        return "per-example states with a fixed quadratic penalty rho*mean(shrink(f0(x)-relu(s))^2), Adagrad descent";
    }

    @Override
    public List<HyperParam> hyperparameters(String dataset) {
        var l = new java.util.ArrayList<>(SpecDefaults.common(name(), dataset, "soft"));
        l.add(HyperParam.positive("rho", "0.06788", "penalty coefficient (spec §5: lambda_ = 0.06788)"));
        return l;
    }

    @Override
    public TrainingMethod create(MethodContext ctx) {
        return new TabularMethod(ctx, TabularMethod.Kind.REGULARIZED);
    }

    @Override
    public Presentation presentation() {
        return new Presentation("Regularized", "#d62728", 20);
    }
}
