package org.distprop.methods;

/** Test metrics over a whole split: mean NLL, top-1 and top-5 accuracy (fractions), example count. */
public record Evaluation(double loss, double top1, double top5, long count) {
}
