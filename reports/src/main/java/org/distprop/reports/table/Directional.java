package org.distprop.reports.table;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.inference.TTest;
import org.distprop.reports.stats.Stats;

/** The paper's "A beats B" claims, each tested with a one-sided Welch t-test across completed seeds. */
public final class Directional {
    public static final String SUPPORTED = "SUPPORTED";
    public static final String CONTRADICTED = "CONTRADICTED";
    public static final String INCONCLUSIVE = "INCONCLUSIVE";

    public record Result(Claims.Directional claim, int nBetter, int nWorse, double meanBetter, double meanWorse,
                         double t, double pOneSided, String verdict) {
    }

    private Directional() {
    }

    public static List<Result> test(Claims claims, List<Table1.Row> rows) {
        List<Result> out = new ArrayList<>();
        for (Claims.Directional d : claims.directional()) {
            double[] a = values(rows, d.dataset(), d.better(), d.metric());
            double[] b = values(rows, d.dataset(), d.worse(), d.metric());
            out.add(test(d, a, b, claims.alpha()));
        }
        return out;
    }

    static Result test(Claims.Directional d, double[] a, double[] b, double alpha) {
        if (a.length < 2 || b.length < 2) {
            return new Result(d, a.length, b.length, Stats.mean(a), Stats.mean(b), Double.NaN, Double.NaN, Table1.NOT_RUN);
        }
        double va = Stats.sampleStd(a);
        double vb = Stats.sampleStd(b);
        if (va == 0 && vb == 0) { // the t statistic is undefined; identical seeds say nothing about spread
            return new Result(d, a.length, b.length, Stats.mean(a), Stats.mean(b), Double.NaN, Double.NaN, INCONCLUSIVE);
        }
        TTest tt = new TTest();
        double t = tt.t(a, b); // Welch: unequal variances
        double p2 = tt.tTest(a, b);
        double pOne = t > 0 ? p2 / 2 : 1 - p2 / 2;
        String verdict = pOne < alpha ? SUPPORTED : (1 - pOne) < alpha ? CONTRADICTED : INCONCLUSIVE;
        return new Result(d, a.length, b.length, Stats.mean(a), Stats.mean(b), t, pOne, verdict);
    }

    private static double[] values(List<Table1.Row> rows, String ds, String method, String metric) {
        return rows.stream().filter(r -> r.dataset().equals(ds) && r.method().equals(method) && r.metric().equals(metric))
                .findFirst().map(Table1.Row::values).orElse(new double[0]);
    }
}
