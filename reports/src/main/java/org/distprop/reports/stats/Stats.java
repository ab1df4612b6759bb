package org.distprop.reports.stats;

import java.util.Arrays;

/** Scalar summaries. Population std for figure bands (as the paper's numpy plots), sample std for Table 1. */
public final class Stats {
    private Stats() {
    }

    public static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
    }

    /** Population standard deviation (divide by n). */
    public static double populationStd(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / v.length);
    }

    /** Sample standard deviation (divide by n-1); NaN for fewer than two values. */
    public static double sampleStd(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }

    public static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
