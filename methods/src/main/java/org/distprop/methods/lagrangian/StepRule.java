package org.distprop.methods.lagrangian;

/** How one iteration updates primal (Adagrad) and dual (SGD ascent) variables (method-spec §2.6). */
public enum StepRule {
    /** Simultaneous descent-ascent from one evaluation (Arrow-Hurwicz-Uzawa; §2.3). */
    GDA,
    /** Extrapolate, evaluate there, update from the original point; Adagrad accumulates twice (§2.6.2). */
    EXTRAGRADIENT,
    /** The authors' May-2021 "extragradient": two consecutive GDA steps on the same batch (§2.6.3). */
    LEGACY_DOUBLE_STEP;

    public static StepRule parse(String s) {
        return switch (s.toLowerCase()) {
            case "gda" -> GDA;
            case "extragradient" -> EXTRAGRADIENT;
            case "legacy_double_step" -> LEGACY_DOUBLE_STEP;
            default -> throw new IllegalArgumentException("step_rule must be extragradient, legacy_double_step or gda, got " + s);
        };
    }

    public int gradientEvaluations() {
        return this == GDA ? 1 : 2;
    }
}
