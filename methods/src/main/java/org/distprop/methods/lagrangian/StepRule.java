package org.distprop.methods.lagrangian;

import java.util.Arrays;
import java.util.Locale;
import org.distprop.methods.HyperParam;

/**
 * How one iteration updates primal (Adagrad) and dual (SGD ascent) variables (method-spec §2.6). The
 * {@code step_rule} hyperparameter's values are these constants' names in lower case ({@link #options}).
 */
public enum StepRule {
    /** Simultaneous descent-ascent from one evaluation (Arrow-Hurwicz-Uzawa; §2.3). */
    GDA("simultaneous descent-ascent"),
    /** Extrapolate, evaluate there, update from the original point; Adagrad accumulates twice (§2.6.2). */
    EXTRAGRADIENT("paper eq. 2"),
    /** The authors' May-2021 "extragradient": two consecutive GDA steps on the same batch (§2.6.3). */
    LEGACY_DOUBLE_STEP("the authors' May-2021 code, spec §2.6.3");

    private final String meaning;

    StepRule(String meaning) {
        this.meaning = meaning;
    }

    /** The hyperparameter's options, in the order the help lists them (the default first). */
    static HyperParam.Option[] options() {
        return Arrays.stream(new StepRule[] {EXTRAGRADIENT, LEGACY_DOUBLE_STEP, GDA})
                .map(r -> HyperParam.option(r.name().toLowerCase(Locale.ROOT), r.meaning)).toArray(HyperParam.Option[]::new);
    }

    /** A value of {@code step_rule} (checked against {@link #options} when the hyperparameters were resolved). */
    public static StepRule parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    public int gradientEvaluations() {
        return this == GDA ? 1 : 2;
    }
}
