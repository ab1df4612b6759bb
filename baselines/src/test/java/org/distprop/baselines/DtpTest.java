package org.distprop.baselines;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.distprop.baselines.dtp.DtpFactory;
import org.distprop.baselines.dtp.DtpMethod;
import org.distprop.datasets.Batch;
import org.distprop.methods.core.Architectures;
import org.junit.jupiter.api.Test;

class DtpTest {
    private static final double ALPHA = 0.3;

    private static DtpMethod tinyDtp(Map<String, String> extra) {
        var hp = new java.util.HashMap<>(Map.of("optimizer", "sgd", "target_step", String.valueOf(ALPHA), "init", "default"));
        hp.putAll(extra);
        var arch = Architectures.tanhMlp("tiny", Tiny.IN, 3, Tiny.ints(5, 5, 5));
        return new DtpMethod(Tiny.ctx(new DtpFactory(), Tiny.DATA, hp), arch);
    }

    /** t_2 = h_2 - alpha dJ/dh_2; t_{l-1} = h_{l-1} - g_l(h_l) + g_l(t_l), g_l(h) = tanh(h V_l + c_l), by hand. */
    @Test
    void differenceCorrectedTargetsMatchTheFormula() {
        try (DtpMethod m = tinyDtp(Map.of())) {
            Batch b = Tiny.batch(Tiny.SHAPE, 6, 3, 11);
            var net = m.network();
            double[][] h = Tiny.inputs(b);
            double[][][] hs = new double[3][][];
            for (int l = 0; l < 3; l++) {
                var p = net.params(l);
                h = Tiny.dense(h, Tiny.mat(m.valueOf(p.get(0)), h[0].length, 5), m.valueOf(p.get(1)), true);
                hs[l] = h;
            }
            var out = net.params(3);
            double[][] wOut = Tiny.mat(m.valueOf(out.get(0)), 5, 3);
            double[][] logits = Tiny.dense(h, wOut, m.valueOf(out.get(1)), false);
            double[][] dh = Tiny.mul(Tiny.ceGradient(logits, b.labels()), Tiny.t(wOut));
            double[][][] t = new double[3][][];
            t[2] = new double[6][5];
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 5; j++) {
                    t[2][i][j] = hs[2][i][j] - ALPHA * dh[i][j];
                }
            }
            for (int l = 2; l >= 1; l--) {
                var inv = m.inverseVariables(l);
                double[][] v = Tiny.mat(m.valueOf(inv.get(0)), 5, 5);
                float[] c = m.valueOf(inv.get(1));
                double[][] gt = Tiny.dense(t[l], v, c, true);
                double[][] gh = Tiny.dense(hs[l], v, c, true);
                t[l - 1] = new double[6][5];
                for (int i = 0; i < 6; i++) {
                    for (int j = 0; j < 5; j++) {
                        t[l - 1][i][j] = hs[l - 1][i][j] - gh[i][j] + gt[i][j];
                    }
                }
            }
            for (int l = 0; l < 3; l++) {
                Tiny.assertClose(t[l], m.valueOn(m.targets().get(l), b), 1e-5, "target " + l);
            }
        }
    }

    /** Training only the inverses (forward lr ~ 0) on one batch lowers the noisy reconstruction loss. */
    @Test
    void inverseLossDecreases() {
        try (DtpMethod m = tinyDtp(Map.of("lr", "1e-12", "lr_inverse", "0.05", "noise", "0.1"))) {
            Batch b = Tiny.batch(Tiny.SHAPE, 32, 3, 12);
            double before = meanInverseLoss(m, b);
            for (int i = 0; i < 300; i++) {
                m.step(b);
            }
            double after = meanInverseLoss(m, b);
            assertTrue(after < 0.7 * before, "inverse loss " + before + " -> " + after);
        }
    }

    private static double meanInverseLoss(DtpMethod m, Batch b) {
        double s = 0;
        for (int i = 0; i < 20; i++) {
            s += m.valueOn(m.inverseLoss(), b)[0];
        }
        return s / 20;
    }
}
