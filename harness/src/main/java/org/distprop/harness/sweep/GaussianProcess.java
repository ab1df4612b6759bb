package org.distprop.harness.sweep;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Gaussian-process regression on the unit cube with a Matérn-5/2 kernel with one length scale per
 * dimension (ARD), a signal variance and a noise variance. Targets are standardised; the kernel
 * hyperparameters maximise the log marginal likelihood (Nelder-Mead in log space from fixed starting
 * points, within box bounds), so a fit is a deterministic function of the data.
 */
public final class GaussianProcess {
    // bounds on log hyperparameters; the lower noise bound doubles as jitter for stability
    private static final double LOG_L_MIN = Math.log(0.01), LOG_L_MAX = Math.log(20);
    private static final double LOG_S_MIN = Math.log(0.05), LOG_S_MAX = Math.log(20);
    private static final double LOG_N_MIN = Math.log(1e-6), LOG_N_MAX = Math.log(1.0);
    private static final double SQRT5 = Math.sqrt(5);

    private final double[][] x;
    private final double yMean;
    private final double yStd;
    private final double[] lengths;
    private final double signal;
    private final double noise;
    private final RealVector alpha;
    private final DecompositionSolver solver;

    private GaussianProcess(double[][] x, double yMean, double yStd, double[] theta, double[] yStandard) {
        this.x = x;
        this.yMean = yMean;
        this.yStd = yStd;
        int d = x[0].length;
        this.lengths = new double[d];
        for (int i = 0; i < d; i++) {
            lengths[i] = Math.exp(theta[i]);
        }
        this.signal = Math.exp(theta[d]);
        this.noise = Math.exp(theta[d + 1]);
        CholeskyDecomposition chol = cholesky(x, lengths, signal, noise);
        this.solver = chol.getSolver();
        this.alpha = solver.solve(new ArrayRealVector(yStandard));
    }

    /** Fits to observations {@code y} at unit-cube points {@code x} (at least 2 points). */
    public static GaussianProcess fit(double[][] x, double[] y) {
        int n = y.length;
        int d = x[0].length;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : y) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / n);
        if (!(std > 1e-12)) {
            std = 1;
        }
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            ys[i] = (y[i] - mean) / std;
        }
        MultivariateFunction nll = theta -> negLogLikelihood(x, ys, theta);
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (double l0 : new double[] {0.1, 0.3, 1.0}) {
            for (double n0 : new double[] {1e-4, 1e-2}) {
                double[] start = new double[d + 2];
                java.util.Arrays.fill(start, 0, d, Math.log(l0));
                start[d] = 0; // unit signal variance for standardised targets
                start[d + 1] = Math.log(n0);
                PointValuePair p = minimize(nll, start);
                if (p != null && p.getValue() < bestValue) {
                    bestValue = p.getValue();
                    best = p.getPoint();
                }
            }
        }
        if (best == null) {
            best = new double[d + 2];
            java.util.Arrays.fill(best, 0, d, Math.log(0.3));
            best[d + 1] = Math.log(1e-2);
        }
        return new GaussianProcess(x, mean, std, clampTheta(best), ys);
    }

    private static PointValuePair minimize(MultivariateFunction f, double[] start) {
        try {
            SimplexOptimizer opt = new SimplexOptimizer(1e-7, 1e-9);
            return opt.optimize(new MaxEval(600), new ObjectiveFunction(f), GoalType.MINIMIZE, new InitialGuess(start),
                    new NelderMeadSimplex(start.length, 0.5));
        } catch (TooManyEvaluationsException e) {
            return null;
        }
    }

    static double[] clampTheta(double[] theta) {
        int d = theta.length - 2;
        double[] t = theta.clone();
        for (int i = 0; i < d; i++) {
            t[i] = Math.max(LOG_L_MIN, Math.min(LOG_L_MAX, t[i]));
        }
        t[d] = Math.max(LOG_S_MIN, Math.min(LOG_S_MAX, t[d]));
        t[d + 1] = Math.max(LOG_N_MIN, Math.min(LOG_N_MAX, t[d + 1]));
        return t;
    }

    /** Negative log marginal likelihood; outside the bounds a quadratic wall keeps the search inside. */
    static double negLogLikelihood(double[][] x, double[] y, double[] theta) {
        double[] t = clampTheta(theta);
        double wall = 0;
        for (int i = 0; i < t.length; i++) {
            wall += (t[i] - theta[i]) * (t[i] - theta[i]);
        }
        int d = x[0].length;
        double[] l = new double[d];
        for (int i = 0; i < d; i++) {
            l[i] = Math.exp(t[i]);
        }
        try {
            CholeskyDecomposition c = cholesky(x, l, Math.exp(t[d]), Math.exp(t[d + 1]));
            RealVector a = c.getSolver().solve(new ArrayRealVector(y));
            double logDet = 0;
            RealMatrix lower = c.getL();
            for (int i = 0; i < y.length; i++) {
                logDet += Math.log(lower.getEntry(i, i));
            }
            return 0.5 * a.dotProduct(new ArrayRealVector(y)) + logDet + 0.5 * y.length * Math.log(2 * Math.PI) + 100 * wall;
        } catch (NonPositiveDefiniteMatrixException e) {
            return 1e10 + wall;
        }
    }

    private static CholeskyDecomposition cholesky(double[][] x, double[] l, double s, double noise) {
        int n = x.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = kernel(x[i], x[j], l, s);
                k[i][j] = v;
                k[j][i] = v;
            }
            k[i][i] += noise + 1e-9 * s;
        }
        return new CholeskyDecomposition(new Array2DRowRealMatrix(k, false), 1e-12, 1e-14);
    }

    static double kernel(double[] a, double[] b, double[] l, double s) {
        double r2 = 0;
        for (int i = 0; i < a.length; i++) {
            double dx = (a[i] - b[i]) / l[i];
            r2 += dx * dx;
        }
        double r = Math.sqrt(r2);
        return s * (1 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r);
    }

    /** Posterior mean and standard deviation at {@code p}, in the original units of y. */
    public double[] predict(double[] p) {
        int n = x.length;
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = kernel(p, x[i], lengths, signal);
        }
        RealVector kv = new ArrayRealVector(k, false);
        double mean = kv.dotProduct(alpha);
        double var = signal - kv.dotProduct(solver.solve(kv));
        return new double[] {yMean + yStd * mean, yStd * Math.sqrt(Math.max(var, 1e-12))};
    }

    public double[] lengthScales() {
        return lengths.clone();
    }

    public double noiseVariance() {
        return noise;
    }
}
