package org.distprop.baselines.core;

import java.util.ArrayList;
import java.util.List;
import org.distprop.methods.HyperParam;
import org.distprop.methods.core.Optimizers;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The optimizer a baseline's reference used, chosen by name; the rules themselves live in
 * {@link Optimizers}. adam: PyTorch defaults (0.9, 0.999, 1e-8) unless {@link AdamSettings} are given
 * (DTP's forks set their own, baselines-spec §1.6); rmsprop: Lee et al.'s centred RMSprop
 * (decay 0.95, momentum 0.9, 0.001 inside the sqrt); sgd: plain gradient descent.
 */
public final class UpdateRule {
    public static final String[] NAMES = {"adam", "rmsprop", "sgd"};

    /** The options of a baseline's {@code optimizer} hyperparameter: {@link #NAMES}, each with what it means there. */
    public static HyperParam.Option[] options(String adam, String rmsprop, String sgd) {
        return new HyperParam.Option[] {HyperParam.option(NAMES[0], adam), HyperParam.option(NAMES[1], rmsprop),
                HyperParam.option(NAMES[2], sgd)};
    }

    /** Adam's beta1, beta2 and epsilon. */
    public record AdamSettings(float beta1, float beta2, float eps) {
        public static final AdamSettings PYTORCH = new AdamSettings(0.9f, 0.999f, 1e-8f);
    }

    private final String name;
    private final AdamSettings adamSettings;
    private final List<? extends Variable<TFloat32>> vars;
    private Optimizers.AdamState adam;
    private Optimizers.RmsState rms;

    /** Creates the optimizer state (with an ungated Ops) for {@code vars}. */
    public UpdateRule(Ops tf, String name, List<? extends Variable<TFloat32>> vars, String prefix) {
        this(tf, name, vars, prefix, AdamSettings.PYTORCH);
    }

    /** As above, with Adam's constants (used only when {@code name} is adam). */
    public UpdateRule(Ops tf, String name, List<? extends Variable<TFloat32>> vars, String prefix, AdamSettings adamSettings) {
        this.name = name;
        this.adamSettings = adamSettings;
        this.vars = vars;
        switch (name) {
            case "adam" -> adam = Optimizers.adamState(tf, vars, prefix);
            case "rmsprop" -> rms = Optimizers.rmsState(tf, vars, prefix);
            case "sgd" -> { }
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "'; valid: adam, rmsprop, sgd");
        }
    }

    /**
     * Update ops, gated on {@code deps} (all gradients and fetched values of the step). {@code lrScale}
     * (nullable) multiplies the learning rate in the graph, for schedules; adam only.
     */
    public List<Op> apply(Ops tf, List<? extends Operand<?>> deps, List<? extends Operand<TFloat32>> grads, float lr,
                          Operand<TFloat32> lrScale) {
        Ops g = Optimizers.gated(tf, new ArrayList<>(deps));
        if (lrScale != null && !name.equals("adam")) {
            throw new IllegalStateException("a learning-rate schedule is only wired for adam");
        }
        return switch (name) {
            case "adam" -> Optimizers.adam(g, vars, adam, grads,
                    lrScale == null ? g.constant(lr) : g.math.mul(g.constant(lr), lrScale),
                    adamSettings.beta1(), adamSettings.beta2(), adamSettings.eps());
            case "rmsprop" -> Optimizers.centeredRmsProp(g, vars, rms, grads, lr, 0.95f, 0.9f, 1e-3f);
            default -> Optimizers.sgd(g, vars, grads, lr);
        };
    }
}
