package org.distprop.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.distprop.baselines.dtp.DtpFactory;
import org.distprop.baselines.dtp.DtpForkFactory;
import org.distprop.baselines.dtp.DtpMethod;
import org.distprop.datasets.Batch;
import org.distprop.methods.Hyperparams;
import org.distprop.methods.core.Architectures;
import org.junit.jupiter.api.Test;

/**
 * DTP's forward-weight update on a 4-5-5-3 tanh net, one plain-SGD step, against the hand computation:
 * targets t_1 = h_1 - alpha e W_2^T, t_0 = h_0 - g(h_1) + g(t_1) with g(h) = tanh(h V + c); hidden layer l
 * descends mean_batch sum_units (h_l - t_l)^2 with its input and target constant, i.e.
 * dW_l = (2/n) h_{l-1}^T [(h_l - t_l) (1 - h_l^2)]; the read-out descends the cross-entropy, dW_2 = h_1^T e.
 */
class DtpForwardUpdateTest {
    private static final double ALPHA = 0.3;
    private static final float LR = 0.2f;

    @Test
    void forwardWeightsDescendTheirLocalTargetLosses() {
        check(false);
    }

    /** The read-out-only diagnostic: the read-out takes the same cross-entropy step, the hidden layers stay put. */
    @Test
    void readoutOnlyTrainsOnlyTheReadout() {
        check(true);
    }

    private static void check(boolean readoutOnly) {
        var hp = Map.of("optimizer", "sgd", "lr", String.valueOf(LR), "target_step", String.valueOf(ALPHA), "init", "default",
                "readout_only", String.valueOf(readoutOnly));
        var arch = Architectures.tanhMlp("tiny", Tiny.IN, 3, Tiny.ints(5, 5));
        try (DtpMethod m = new DtpMethod(Tiny.ctx(new DtpFactory(), Tiny.DATA, hp), arch)) {
            Batch b = Tiny.batch(Tiny.SHAPE, 6, 3, 41);
            var net = m.network();
            double[][] x = Tiny.inputs(b);
            int[] widths = {4, 5, 5, 3};
            double[][][] w = new double[3][][];
            float[][] bias = new float[3][];
            for (int l = 0; l < 3; l++) {
                w[l] = Tiny.mat(m.valueOf(net.params(l).get(0)), widths[l], widths[l + 1]);
                bias[l] = m.valueOf(net.params(l).get(1));
            }
            double[][] v = Tiny.mat(m.valueOf(m.inverseVariables(1).get(0)), 5, 5);
            float[] c = m.valueOf(m.inverseVariables(1).get(1));
            double[][] h0 = Tiny.dense(x, w[0], bias[0], true);
            double[][] h1 = Tiny.dense(h0, w[1], bias[1], true);
            double[][] e = Tiny.ceGradient(Tiny.dense(h1, w[2], bias[2], false), b.labels());
            double[][] dh1 = Tiny.mul(e, Tiny.t(w[2]));
            double[][] t1 = new double[6][5];
            double[][] t0 = new double[6][5];
            double[][] gt = null;
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 5; j++) {
                    t1[i][j] = h1[i][j] - ALPHA * dh1[i][j];
                }
            }
            gt = Tiny.dense(t1, v, c, true);
            double[][] gh = Tiny.dense(h1, v, c, true);
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 5; j++) {
                    t0[i][j] = h0[i][j] - gh[i][j] + gt[i][j];
                }
            }
            double[][][] deltas = {localDelta(h0, t0), localDelta(h1, t1), e};
            double[][][] ins = {x, h0, h1};
            m.step(b);
            for (int l = 0; l < 3; l++) {
                boolean trains = !readoutOnly || l == 2;
                double[][] g = Tiny.mul(Tiny.t(ins[l]), deltas[l]);
                double[][] expected = new double[g.length][g[0].length];
                double[] gb = new double[g[0].length];
                for (int i = 0; i < g.length; i++) {
                    for (int j = 0; j < g[0].length; j++) {
                        expected[i][j] = w[l][i][j] - (trains ? LR * g[i][j] : 0);
                    }
                }
                for (double[] row : deltas[l]) {
                    for (int j = 0; j < gb.length; j++) {
                        gb[j] += row[j];
                    }
                }
                double[][] expectedB = new double[1][gb.length];
                for (int j = 0; j < gb.length; j++) {
                    expectedB[0][j] = bias[l][j] - (trains ? LR * gb[j] : 0);
                }
                Tiny.assertClose(expected, m.valueOf(net.params(l).get(0)), 2e-5, "W" + l + (readoutOnly ? " (read-out only)" : ""));
                Tiny.assertClose(expectedB, m.valueOf(net.params(l).get(1)), 2e-5, "b" + l + (readoutOnly ? " (read-out only)" : ""));
            }
        }
    }

    /** (2/n) (h - t) (1 - h^2): the derivative of mean_batch sum_units (h - t)^2 w.r.t. the tanh pre-activation. */
    private static double[][] localDelta(double[][] h, double[][] t) {
        double[][] d = new double[h.length][h[0].length];
        for (int i = 0; i < h.length; i++) {
            for (int j = 0; j < h[0].length; j++) {
                d[i][j] = 2.0 / h.length * (h[i][j] - t[i][j]) * (1 - h[i][j] * h[i][j]);
            }
        }
        return d;
    }

    /** dtp-fork is dtp with the fork's configuration as defaults (baselines-spec §1.6). */
    @Test
    void forkConfigurationDefaults() {
        var hp = Hyperparams.resolve("dtp-fork", new DtpForkFactory().hyperparameters("mnist"), Map.of()).asMap();
        assertEquals("tanh-2x256", hp.get("arch"));
        assertEquals("0.01", hp.get("lr"));
        assertEquals("1.011e-4", hp.get("lr_inverse"));
        assertEquals("0.99", hp.get("beta1"));
        assertEquals("0.99", hp.get("beta2"));
        assertEquals("1e-4", hp.get("eps"));
        assertEquals("0.99", hp.get("beta2_inverse"));
        assertEquals("0.08", hp.get("noise"));
        assertEquals("0.01", hp.get("target_step"));
        assertEquals(new DtpFactory().hyperparameters("mnist").size(), new DtpForkFactory().hyperparameters("mnist").size());
    }
}
