package org.distprop.methods.lagrangian;

import java.util.ArrayList;
import java.util.List;
import org.distprop.methods.HyperParam;
import org.distprop.methods.MethodContext;
import org.distprop.methods.MethodFactory;
import org.distprop.methods.TrainingMethod;

public final class ExtraPropFactory implements MethodFactory {
    @Override
    public String name() {
        return "extraprop";
    }

    @Override
    public String description() {
        return "per-example states and multipliers, extragradient with ExtraAdagrad / ExtraSGD";
    }

    @Override
    public List<HyperParam> hyperparameters(String dataset) {
        List<HyperParam> l = new ArrayList<>(SpecDefaults.common(name(), dataset, "soft"));
        l.add(SpecDefaults.stepRule());
        return l;
    }

    @Override
    public TrainingMethod create(MethodContext ctx) {
        return new TabularMethod(ctx, TabularMethod.Kind.EXTRAPROP);
    }

    @Override
    public Presentation presentation() {
        return new Presentation("ExtraProp (as described)", "#b8860b", 40);
    }
}
