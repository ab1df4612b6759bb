package org.distprop.methods.lagrangian;

import org.distprop.datasets.Batch;

/**
 * DistProp's per-feature objective (method-spec §2.5.1-2.5.4, softshrink, cross-entropy over logits)
 * on the tiny MLP, in plain Java double precision, with its gradient w.r.t. all dense primal tensors
 * (p[0..5] the MLP, p[6] W_mu [C, H], p[7] W_sigma [C, H]; sigma = softplus(W_sigma)). The noise eps
 * [S, C, H] is an input (read from the graph's test hook; its use is checked in DistPropNoiseTest).
 */
final class DistPropTranscription {
    private static final int H = TinyMlp.H;
    private static final int C = TinyMlp.C;

    /**
     * @param dp   dL/dp for every dense tensor
     * @param g    shrunk defects [B, H]
     * @param loss the sample loss
     */
    record Eval(double[][] dp, double[] g, double loss) {
    }

    private DistPropTranscription() {
    }

    /**
     * @param lamRow multiplier row of batch row r, [B, H] (per-class tables gathered at the labels)
     */
    static Eval evaluate(double[][] p, Batch b, double[] lamRow, float[] eps, int samples, double margin) {
        int nb = b.size();
        double[][] dp = TinyMlp.zerosLike(p);
        double[] sigma = new double[C * H];
        for (int j = 0; j < C * H; j++) {
            sigma[j] = TinyMlp.softplus(p[7][j]);
        }
        double[] dSigma = new double[C * H];
        // constraint term sum_r <lambda_r, softshrink((f_0(x_r) - mu_y) / sigma_y, m)>
        double[] g = new double[nb * H];
        for (int r = 0; r < nb; r++) {
            int y = b.labels()[r];
            var f = TinyMlp.f0(p, b.images(), r, false); // no ReLU at the split for DistProp
            double[] da = new double[H];
            for (int k = 0; k < H; k++) {
                double sg = sigma[y * H + k];
                double z = (f.a()[k] - p[6][y * H + k]) / sg;
                g[r * H + k] = Math.signum(z) * Math.max(Math.abs(z) - margin, 0);
                double dz = Math.abs(z) > margin ? lamRow[r * H + k] : 0;
                da[k] = dz / sg;
                dp[6][y * H + k] -= dz / sg;
                dSigma[y * H + k] -= dz * z / sg;
            }
            TinyMlp.f0Backward(p, f, da, false, dp);
        }
        // sample loss: h[s, c] = mu_c + sigma_c eps[s, c], target c, mean over the S C samples
        double[] loss = new double[1];
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < C; c++) {
                double[] h = new double[H];
                int base = (s * C + c) * H;
                for (int k = 0; k < H; k++) {
                    h[k] = p[6][c * H + k] + sigma[c * H + k] * eps[base + k];
                }
                double[] dh = TinyMlp.f1NllBackward(p, h, c, 1.0 / (samples * C), dp, loss);
                for (int k = 0; k < H; k++) {
                    dp[6][c * H + k] += dh[k];
                    dSigma[c * H + k] += dh[k] * eps[base + k];
                }
            }
        }
        for (int j = 0; j < C * H; j++) {
            dp[7][j] = dSigma[j] / (1 + Math.exp(-p[7][j])); // softplus' = sigmoid
        }
        return new Eval(dp, g, loss[0]);
    }
}
