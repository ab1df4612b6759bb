package org.distprop.methods.lagrangian;

import java.util.List;
import org.distprop.methods.HyperParam;
import org.distprop.methods.MethodContext;
import org.distprop.methods.MethodFactory;
import org.distprop.methods.TrainingMethod;

public final class GdaFactory implements MethodFactory {
    @Override
    public String name() {
        return "gda";
    }

    @Override
    public String description() {
        return "per-example states and multipliers, simultaneous Adagrad descent / SGD ascent (Arrow-Hurwicz-Uzawa)";
    }

    @Override
    public List<HyperParam> hyperparameters(String dataset) {
        return SpecDefaults.common(name(), dataset, "soft");
    }

    @Override
    public TrainingMethod create(MethodContext ctx) {
        return new TabularMethod(ctx, TabularMethod.Kind.GDA);
    }

    @Override
    public Presentation presentation() {
        return new Presentation("GDA", "#2ca02c", 30);
    }
}
