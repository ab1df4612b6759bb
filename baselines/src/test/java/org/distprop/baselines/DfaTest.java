package org.distprop.baselines;

import java.util.Map;
import org.distprop.baselines.dfa.DfaFactory;
import org.distprop.baselines.dfa.DfaMethod;
import org.distprop.baselines.dfa.FaFactory;
import org.distprop.datasets.Batch;
import org.distprop.methods.core.Architectures;
import org.junit.jupiter.api.Test;

/**
 * One plain-SGD step of DFA / FA on a 4-5-5-3 tanh net against the update computed by hand:
 * delta_l = (signal_l) ⊙ (1 - h_l^2), W_l -= lr h_{l-1}^T delta_l, with signal_l = e B_l (DFA) or
 * delta_{l+1} B_{l+1}^T (FA), e = (softmax - onehot)/n.
 */
class DfaTest {
    private static final float LR = 0.5f;

    @Test
    void dfaHiddenUpdateIsFeedbackTimesErrorTimesDerivative() {
        check(DfaMethod.Mode.DFA);
    }

    @Test
    void faHiddenUpdateUsesFixedBackwardWeights() {
        check(DfaMethod.Mode.FA);
    }

    private static void check(DfaMethod.Mode mode) {
        var f = mode == DfaMethod.Mode.DFA ? new DfaFactory() : new FaFactory();
        var arch = Architectures.tanhMlp("tiny", Tiny.IN, 3, Tiny.ints(5, 5));
        var ctx = Tiny.ctx(f, Tiny.DATA, Map.of("optimizer", "sgd", "lr", String.valueOf(LR)));
        try (DfaMethod m = new DfaMethod(ctx, mode, arch)) {
            Batch b = Tiny.batch(Tiny.SHAPE, 6, 3, 5);
            var net = m.network();
            double[][] x = Tiny.inputs(b);
            double[][][] w = new double[3][][];
            float[][] bias = new float[3][];
            int[] widths = {4, 5, 5, 3};
            for (int l = 0; l < 3; l++) {
                w[l] = Tiny.mat(m.valueOf(net.params(l).get(0)), widths[l], widths[l + 1]);
                bias[l] = m.valueOf(net.params(l).get(1));
            }
            double[][] h0 = Tiny.dense(x, w[0], bias[0], true);
            double[][] h1 = Tiny.dense(h0, w[1], bias[1], true);
            double[][] e = Tiny.ceGradient(Tiny.dense(h1, w[2], bias[2], false), b.labels());
            var fb = m.feedback();
            double[][] delta1;
            double[][] delta0;
            if (mode == DfaMethod.Mode.DFA) {
                delta1 = hadamardTanh(Tiny.mul(e, Tiny.mat(m.valueOf(fb.get(1)), 3, 5)), h1);
                delta0 = hadamardTanh(Tiny.mul(e, Tiny.mat(m.valueOf(fb.get(0)), 3, 5)), h0);
            } else { // feedback created top-down: fb[0] replaces W_2 (5x3), fb[1] replaces W_1 (5x5)
                delta1 = hadamardTanh(Tiny.mul(e, Tiny.t(Tiny.mat(m.valueOf(fb.get(0)), 5, 3))), h1);
                delta0 = hadamardTanh(Tiny.mul(delta1, Tiny.t(Tiny.mat(m.valueOf(fb.get(1)), 5, 5))), h0);
            }
            double[][][] expected = {
                minus(w[0], Tiny.mul(Tiny.t(x), delta0)),
                minus(w[1], Tiny.mul(Tiny.t(h0), delta1)),
                minus(w[2], Tiny.mul(Tiny.t(h1), e)),
            };
            m.step(b);
            for (int l = 0; l < 3; l++) {
                Tiny.assertClose(expected[l], m.valueOf(net.params(l).get(0)), 2e-5, mode + " W" + l);
            }
        }
    }

    private static double[][] hadamardTanh(double[][] s, double[][] h) {
        double[][] d = new double[s.length][s[0].length];
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s[0].length; j++) {
                d[i][j] = s[i][j] * (1 - h[i][j] * h[i][j]);
            }
        }
        return d;
    }

    private static double[][] minus(double[][] w, double[][] g) {
        double[][] r = new double[w.length][w[0].length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[0].length; j++) {
                r[i][j] = w[i][j] - LR * g[i][j];
            }
        }
        return r;
    }
}
