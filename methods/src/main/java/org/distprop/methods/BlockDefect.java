package org.distprop.methods;

/**
 * Constraint statistics of one split (block boundary) for one step, computed from the shrunk
 * defects of the step's first evaluation (method-spec §4.1).
 *
 * @param meanAbs              mean |g| over batch rows and features (the Fig. 2 / Table 1 metric)
 * @param maxAbs               max |g|
 * @param fractionWithinMargin fraction of entries whose shrunk defect is exactly 0
 * @param multiplierNorm       L2 norm of the multipliers of the batch rows (0 if none)
 * @param signedMean           mean g (signed) over batch rows and features: the only defect the authors
 *                             logged for Regularized ({@code train/mean_defect}, method-spec §2.2, §4.1)
 */
public record BlockDefect(double meanAbs, double maxAbs, double fractionWithinMargin, double multiplierNorm,
                          double signedMean) {
}
