package org.distprop.harness.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.distprop.store.Status;
import org.junit.jupiter.api.Test;

/**
 * GP-EI on the Branin function (global minimum 0.397887 at three points in [-5, 10] x [0, 15]):
 * reaches within 5 % of the optimum in at most 40 trials, is deterministic for a seed, and beats
 * the median of random search over 10 seeds at the same budget.
 */
class BayesOptimizerBraninTest {
    static final double BRANIN_MIN = 0.397887357729739;
    static final List<Param> SPACE = List.of(new Param.Range("x1", -5, 10, Param.Range.Scale.LINEAR),
            new Param.Range("x2", 0, 15, Param.Range.Scale.LINEAR));

    static double branin(double x1, double x2) {
        double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
        return Math.pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    /** Runs a sweep maximising -branin; returns the objective history (negated Branin values). */
    static List<Trial> sweep(Proposer p, int trials) {
        List<Trial> h = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            Map<String, String> params = p.propose(i, List.copyOf(h));
            double f = branin(Double.parseDouble(params.get("x1")), Double.parseDouble(params.get("x2")));
            h.add(new Trial(i, params, -f, Status.OK.wire(), null));
        }
        return h;
    }

    static double bestValue(List<Trial> h) {
        return h.stream().mapToDouble(t -> -t.objective()).min().orElseThrow();
    }

    static int firstWithin(List<Trial> h, double tol) {
        for (Trial t : h) {
            if (-t.objective() <= BRANIN_MIN * (1 + tol)) {
                return t.trial() + 1;
            }
        }
        return -1;
    }

    @Test
    void bayesFindsBraninOptimumWithin40TrialsAndBeatsRandomSearch() {
        // one GP seed here to keep the suite fast; all 10 seeds reach 5 % in 14-29 trials (see the report)
        List<Trial> h = sweep(new BayesOptimizer(SPACE, 0, 5), 40);
        double gp = bestValue(h);
        int needed = firstWithin(h, 0.05);
        double[] rnd = new double[10];
        for (int s = 0; s < 10; s++) {
            rnd[s] = bestValue(sweep(new Proposer.RandomSearch(SPACE, s), 40));
        }
        double rndMedian = median(rnd);
        System.out.printf("Branin, 40 trials: GP-EI seed 0 best %.5f (within 5 %% after %d trials);"
                + " random search best over seeds 0-9 %s, median %.5f%n", gp, needed, Arrays.toString(rnd), rndMedian);
        assertTrue(needed > 0 && needed <= 40, "GP-EI did not reach 5 % of the optimum in 40 trials: best " + gp);
        assertTrue(gp < rndMedian, "GP best " + gp + " not better than random median " + rndMedian);
    }

    @Test
    void bayesIsDeterministicForASeed() {
        List<Trial> a = sweep(new BayesOptimizer(SPACE, 7, 5), 15);
        List<Trial> b = sweep(new BayesOptimizer(SPACE, 7, 5), 15);
        assertEquals(a, b);
        List<Trial> c = sweep(new BayesOptimizer(SPACE, 8, 5), 15);
        assertTrue(!a.equals(c), "a different seed should explore differently");
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return (s[4] + s[5]) / 2;
    }
}
