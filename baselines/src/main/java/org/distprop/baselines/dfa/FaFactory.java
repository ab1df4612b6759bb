package org.distprop.baselines.dfa;

import org.distprop.methods.MethodContext;
import org.distprop.methods.TrainingMethod;

/** Feedback alignment (Table 1's ImageNet "DFA" row is Bartunov et al.'s FA, baselines-spec §0.1). */
public final class FaFactory extends DfaFactory {
    @Override
    public String name() {
        return "fa";
    }

    @Override
    public String description() {
        return "feedback alignment (Lillicrap 2016): error sent down layer by layer through fixed random weights";
    }

    @Override
    public TrainingMethod create(MethodContext ctx) {
        return new DfaMethod(ctx, DfaMethod.Mode.FA);
    }

    @Override
    public Presentation presentation() {
        return new Presentation("FA", "#bcbd22", 100);
    }
}
