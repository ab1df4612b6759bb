package org.distprop.methods.lagrangian;

import java.util.Arrays;

/**
 * The tiny "mlp" architecture of {@link TinyProblem} (16 -> 256 -> ReLU -> 256 [-> ReLU] | -> 3)
 * written out in plain Java, double precision, forward and backward, as the independent reference
 * of the step transcriptions. Parameters in the graph's order and layout: p[0] W1 [16, 256],
 * p[1] b1, p[2] W2 [256, 256], p[3] b2, p[4] W3 [256, 3], p[5] b3 (W[k * out + o]).
 */
final class TinyMlp {
    static final int IN = 16;
    static final int H = 256;
    static final int C = TinyProblem.CLASSES;

    private TinyMlp() {
    }

    /** f_0 with its pre-activations kept for the backward pass. */
    record F0(double[] x, double[] z1, double[] h1, double[] z2, double[] a) {
    }

    static F0 f0(double[][] p, float[] images, int row, boolean reluAtSplit) {
        double[] x = new double[IN];
        for (int k = 0; k < IN; k++) {
            x[k] = images[row * IN + k];
        }
        double[] z1 = dense(x, p[0], p[1], H);
        double[] h1 = relu(z1);
        double[] z2 = dense(h1, p[2], p[3], H);
        double[] a = reluAtSplit ? relu(z2) : z2.clone();
        return new F0(x, z1, h1, z2, a);
    }

    /** Accumulates dL/dp[0..3] into {@code grad} for dL/da = {@code da}. */
    static void f0Backward(double[][] p, F0 f, double[] da, boolean reluAtSplit, double[][] grad) {
        double[] dz2 = new double[H];
        for (int o = 0; o < H; o++) {
            dz2[o] = reluAtSplit && !(f.z2[o] > 0) ? 0 : da[o];
        }
        double[] dh1 = new double[H];
        for (int k = 0; k < H; k++) {
            double s = 0;
            for (int o = 0; o < H; o++) {
                grad[2][k * H + o] += f.h1[k] * dz2[o];
                s += p[2][k * H + o] * dz2[o];
            }
            dh1[k] = s;
        }
        for (int o = 0; o < H; o++) {
            grad[3][o] += dz2[o];
        }
        double[] dz1 = new double[H];
        for (int o = 0; o < H; o++) {
            dz1[o] = f.z1[o] > 0 ? dh1[o] : 0;
        }
        for (int k = 0; k < IN; k++) {
            for (int o = 0; o < H; o++) {
                grad[0][k * H + o] += f.x[k] * dz1[o];
            }
        }
        for (int o = 0; o < H; o++) {
            grad[1][o] += dz1[o];
        }
    }

    static double[] f1(double[][] p, double[] h) {
        return dense(h, p[4], p[5], C);
    }

    /**
     * NLL of f_1(h) for {@code target}, scaled by {@code weight}: adds weight * dNLL/dp[4..5] to grad and
     * returns weight * dNLL/dh; {@code lossOut[0] += weight * NLL}.
     */
    static double[] f1NllBackward(double[][] p, double[] h, int target, double weight, double[][] grad, double[] lossOut) {
        double[] logits = f1(p, h);
        double[] prob = softmax(logits);
        lossOut[0] += -weight * Math.log(prob[target]);
        double[] dl = new double[C];
        for (int o = 0; o < C; o++) {
            dl[o] = weight * (prob[o] - (o == target ? 1 : 0));
        }
        double[] dh = new double[H];
        for (int k = 0; k < H; k++) {
            double s = 0;
            for (int o = 0; o < C; o++) {
                grad[4][k * C + o] += h[k] * dl[o];
                s += p[4][k * C + o] * dl[o];
            }
            dh[k] = s;
        }
        for (int o = 0; o < C; o++) {
            grad[5][o] += dl[o];
        }
        return dh;
    }

    static double[] dense(double[] x, double[] w, double[] bias, int out) {
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double s = bias[o];
            for (int k = 0; k < x.length; k++) {
                s += x[k] * w[k * out + o];
            }
            y[o] = s;
        }
        return y;
    }

    static double[] relu(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.max(0, v[i]);
        }
        return r;
    }

    static double[] softmax(double[] l) {
        double max = Arrays.stream(l).max().orElseThrow();
        double[] e = new double[l.length];
        double sum = 0;
        for (int i = 0; i < l.length; i++) {
            e[i] = Math.exp(l[i] - max);
            sum += e[i];
        }
        for (int i = 0; i < l.length; i++) {
            e[i] /= sum;
        }
        return e;
    }

    static double softplus(double v) {
        return v > 30 ? v : Math.log1p(Math.exp(v));
    }

    static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    static double[][] zerosLike(double[][] p) {
        double[][] z = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            z[i] = new double[p[i].length];
        }
        return z;
    }

    /** PyTorch/TF Adagrad from accumulator {@code acc} (updated in place): p - lr g / (sqrt(acc + g^2) + eps). */
    static double adagrad(double p, double g, double[] acc, int i, double lr) {
        acc[i] += g * g;
        return p - lr * g / (Math.sqrt(acc[i]) + 1e-10);
    }
}
