package org.distprop.methods;

import java.util.List;

/**
 * What one training step reports.
 *
 * @param loss       training loss as the method defines it (NLL on data, states or synthetic samples)
 * @param lagrangian the Lagrangian value, or NaN for methods without one
 * @param defects    one entry per constrained split (empty for unconstrained methods)
 * @param stepMillis wall time of the step
 */
public record StepMetrics(double loss, double lagrangian, List<BlockDefect> defects, double stepMillis) {
    public static StepMetrics unconstrained(double loss, double stepMillis) {
        return new StepMetrics(loss, Double.NaN, List.of(), stepMillis);
    }

    /** False when the loss, the Lagrangian or any defect is NaN or infinite. */
    public boolean isFinite() {
        if (!Double.isFinite(loss) || Double.isInfinite(lagrangian)) {
            return false;
        }
        for (BlockDefect d : defects) {
            if (!Double.isFinite(d.meanAbs()) || !Double.isFinite(d.maxAbs()) || !Double.isFinite(d.multiplierNorm())) {
                return false;
            }
        }
        return true;
    }
}
