package org.distprop.harness.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * GP-EI Bayesian optimisation (maximises the objective). After {@code initialRandom} uniform trials,
 * each proposal fits a {@link GaussianProcess} to all finished trials (failed or diverged ones
 * count as the worst objective seen, so the optimiser learns to avoid them) and returns the point
 * of highest expected improvement among seeded random candidates (uniform, plus perturbations of the
 * best points), polished by a short Nelder-Mead on EI.
 */
public final class BayesOptimizer implements Proposer {
    private static final NormalDistribution N01 = new NormalDistribution(null, 0, 1);
    private static final int UNIFORM_CANDIDATES = 2000;
    private static final int LOCAL_CANDIDATES = 200;
    private final List<Param> space;
    private final long seed;
    private final int initialRandom;

    public BayesOptimizer(List<Param> space, long seed, int initialRandom) {
        this.space = space;
        this.seed = seed;
        this.initialRandom = Math.max(2, initialRandom);
    }

    @Override
    public Map<String, String> propose(int trial, List<Trial> history) {
        SplittableRandom r = Proposer.rng(seed, trial);
        List<Trial> ok = history.stream().filter(Trial::ok).toList();
        if (trial < initialRandom || ok.size() < 2) {
            return Proposer.decode(space, Proposer.uniform(r, space.size()));
        }
        double worst = ok.stream().mapToDouble(Trial::objective).min().orElseThrow();
        int n = history.size();
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            Trial t = history.get(i);
            x[i] = Proposer.encode(space, t.params());
            y[i] = t.ok() ? t.objective() : worst;
        }
        GaussianProcess gp = GaussianProcess.fit(x, y);
        double best = ok.stream().mapToDouble(Trial::objective).max().orElseThrow();
        double xi = 0.0; // plain EI: any exploration bonus in objective units is scale-dependent
        int d = space.size();

        List<double[]> candidates = new ArrayList<>();
        for (int i = 0; i < UNIFORM_CANDIDATES; i++) {
            candidates.add(Proposer.uniform(r, d));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -y[i]).thenComparingInt(i -> i));
        for (int k = 0; k < Math.min(3, n); k++) {
            double[] c = x[order.get(k)];
            for (double sd : new double[] {0.1, 0.02}) {
                for (int j = 0; j < LOCAL_CANDIDATES / 2; j++) {
                    double[] p = new double[d];
                    for (int q = 0; q < d; q++) {
                        p[q] = Param.clamp(c[q] + sd * gaussian(r));
                    }
                    candidates.add(p);
                }
            }
        }
        // score each candidate once, then polish the three best
        double[] score = new double[candidates.size()];
        List<Integer> byScore = new ArrayList<>();
        for (int i = 0; i < score.length; i++) {
            score[i] = ei(gp, snap(candidates.get(i)), best, xi);
            byScore.add(i);
        }
        byScore.sort(Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i));
        double[] chosen = snap(candidates.get(byScore.get(0)));
        double chosenEi = score[byScore.get(0)];
        for (int k = 0; k < 3; k++) {
            double[] polished = polish(gp, candidates.get(byScore.get(k)), best, xi);
            double v = ei(gp, polished, best, xi);
            if (v > chosenEi) {
                chosenEi = v;
                chosen = polished;
            }
        }
        return Proposer.decode(space, chosen);
    }

    private double[] polish(GaussianProcess gp, double[] start, double best, double xi) {
        try {
            PointValuePair p = new SimplexOptimizer(1e-10, 1e-12).optimize(new MaxEval(200),
                    new ObjectiveFunction(u -> -ei(gp, snap(u), best, xi)), GoalType.MINIMIZE,
                    new InitialGuess(start), new NelderMeadSimplex(start.length, 0.02));
            return snap(p.getPoint());
        } catch (TooManyEvaluationsException e) {
            return snap(start);
        }
    }

    /** Clamps to the cube and moves categorical/integer coordinates to the value they decode to. */
    private double[] snap(double[] u) {
        double[] s = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            Param p = space.get(i);
            double c = Param.clamp(u[i]);
            boolean discrete = p instanceof Param.Choice || ((Param.Range) p).scale() == Param.Range.Scale.INT;
            s[i] = discrete ? p.encode(p.decode(c)) : c;
        }
        return s;
    }

    static double ei(GaussianProcess gp, double[] u, double best, double xi) {
        double[] ms = gp.predict(u);
        double imp = ms[0] - best - xi;
        double sd = ms[1];
        if (sd < 1e-12) {
            return Math.max(imp, 0);
        }
        double z = imp / sd;
        return imp * N01.cumulativeProbability(z) + sd * N01.density(z);
    }

    private static double spread(double[] y) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi > lo ? hi - lo : 1;
    }

    /** Box-Muller from the trial's own stream (java.util.Random's gaussian is not splittable). */
    private static double gaussian(SplittableRandom r) {
        double u1 = Math.max(r.nextDouble(), 1e-300);
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
