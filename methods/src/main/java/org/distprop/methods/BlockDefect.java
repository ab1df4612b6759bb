package org.distprop.methods;

/**
 * Constraint statistics of one split (block boundary) for one step, computed from the shrunk
 * defects of the step's first evaluation (method-spec §4.1).
 *
 * @param meanAbs              mean |g| over batch rows and features (the Fig. 2 / Table 1 metric)
 * @param maxAbs               max |g|
 * @param fractionWithinMargin fraction of entries whose shrunk defect is exactly 0
 * @param multiplierNorm       L2 norm of the multipliers of the batch rows (0 if none)
 */
public record BlockDefect(double meanAbs, double maxAbs, double fractionWithinMargin, double multiplierNorm) {
}
