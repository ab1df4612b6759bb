package org.distprop.baselines;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.distprop.baselines.dfa.DfaFactory;
import org.distprop.baselines.dfa.DfaMethod;
import org.distprop.baselines.dfa.FaFactory;
import org.distprop.datasets.Batch;
import org.distprop.datasets.ImageShape;
import org.distprop.methods.DatasetInfo;
import org.distprop.methods.core.Architecture;
import org.distprop.methods.core.Layer;
import org.junit.jupiter.api.Test;

/**
 * One plain-SGD step of DFA / FA on a net with padded convs, max-pooling and dropout,
 * conv3x3p1-2-relu | conv3x3p1-2-relu-maxpool2-flatten-dropout0.5 | fc3 on 4x4x1 images, against the
 * update computed by hand with {@link ConvRef}. The dropout mask is read from the same session run's
 * forward values (pre- and post-dropout), so the check fails if the backward signal used any other mask
 * than the forward pass's: FA's signal through block 1 and DFA's local derivative both cross it.
 */
class DfaConvTest {
    private static final float LR = 0.5f;
    private static final ImageShape SHAPE = new ImageShape(4, 4, 1);
    private static final DatasetInfo DATA = new DatasetInfo("conv", SHAPE, 3, 100);
    private static final int N = 6;

    @Test
    void dfaOnConvPoolDropoutBlocks() {
        check(DfaMethod.Mode.DFA);
    }

    @Test
    void faOnConvPoolDropoutBlocksUsesTheForwardMask() {
        check(DfaMethod.Mode.FA);
    }

    private static void check(DfaMethod.Mode mode) {
        var f = mode == DfaMethod.Mode.DFA ? new DfaFactory() : new FaFactory();
        var layers = List.<Layer>of(new Layer.Conv(2, 3, 1, 1), new Layer.Relu(), new Layer.Conv(2, 3, 1, 1), new Layer.Relu(),
                new Layer.MaxPool(2, 2), new Layer.Flatten(), new Layer.Dropout(0.5f), new Layer.Dense(3));
        var arch = new Architecture("conv-drop", new long[] {4, 4, 1}, 3, List.of(layers));
        var ctx = Tiny.ctx(f, DATA, Map.of("optimizer", "sgd", "lr", String.valueOf(LR), "arch", "mlp"));
        try (DfaMethod m = new DfaMethod(ctx, mode, arch)) {
            Batch b = Tiny.batch(SHAPE, N, 3, 21);
            var net = m.network();
            double[][][][] w0 = ConvRef.kernel(m.valueOf(net.params(0).get(0)), 3, 1, 2);
            float[] b0 = m.valueOf(net.params(0).get(1));
            double[][][][] w1 = ConvRef.kernel(m.valueOf(net.params(1).get(0)), 3, 2, 2);
            float[] b1 = m.valueOf(net.params(1).get(1));
            double[][] w2 = Tiny.mat(m.valueOf(net.params(2).get(0)), 8, 3);
            float[] b2 = m.valueOf(net.params(2).get(1));
            var fb = m.feedback();
            float[] fb0 = m.valueOf(fb.get(0));
            float[] fb1 = m.valueOf(fb.get(1));
            float[][] before = {m.valueOf(net.params(0).get(0)), m.valueOf(net.params(1).get(0)), m.valueOf(net.params(2).get(0))};

            var fwd = m.forward();
            var got = m.stepFetching(b, List.of(fwd.layers().get(1).get(3), fwd.out().get(1)));

            // forward by hand
            double[][][][] x = ConvRef.tensor(b.images(), N, 4, 4, 1);
            double[][][][] a0 = ConvRef.conv(x, w0, b0, 1);
            double[][][][] h0 = ConvRef.relu(a0);
            double[][][][] a1 = ConvRef.conv(h0, w1, b1, 1);
            double[][][][] r1 = ConvRef.relu(a1);
            double[][] f1 = ConvRef.flatten(ConvRef.maxPool2(r1));
            Tiny.assertClose(f1, got.get(0), 1e-5, "pre-dropout activations");
            double[][] keep = new double[N][8]; // dropout's factor per unit: 0 or 1/(1-p) = 2, from the forward values
            int dropped = 0;
            int kept = 0;
            double[][] d1 = new double[N][8];
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < 8; j++) {
                    float pre = got.get(0)[i * 8 + j];
                    float post = got.get(1)[i * 8 + j];
                    if (pre != 0) {
                        keep[i][j] = Math.rint(post / pre);
                        assertTrue(keep[i][j] == 0 || keep[i][j] == 2, "dropout factor " + post / pre);
                        dropped += keep[i][j] == 0 ? 1 : 0;
                        kept += keep[i][j] == 2 ? 1 : 0;
                    }
                    d1[i][j] = f1[i][j] * keep[i][j];
                }
            }
            assertTrue(dropped > 2 && kept > 2, "the mask should drop and keep some live units: " + dropped + " / " + kept);
            double[][] e = Tiny.ceGradient(Tiny.dense(d1, w2, b2, false), b.labels());

            // backward signals by hand
            double[][] s1 = mode == DfaMethod.Mode.DFA ? Tiny.mul(e, Tiny.mat(fb1, 3, 8)) : Tiny.mul(e, Tiny.t(Tiny.mat(fb0, 8, 3)));
            double[][] gf1 = new double[N][8];
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < 8; j++) {
                    gf1[i][j] = s1[i][j] * keep[i][j];
                }
            }
            double[][][][] ga1 = ConvRef.reluGrad(ConvRef.maxPool2Grad(ConvRef.unflatten(gf1, 2, 2, 2), r1), a1);
            double[][][][] s0 = mode == DfaMethod.Mode.DFA
                    ? ConvRef.unflatten(Tiny.mul(e, Tiny.mat(fb0, 3, 32)), 4, 4, 2)
                    : ConvRef.convInputGrad(ga1, ConvRef.kernel(fb1, 3, 2, 2), 4, 4, 1);
            double[][][][] ga0 = ConvRef.reluGrad(s0, a0);
            double[][] grads = {
                ConvRef.convKernelGrad(x, ga0, 3, 1),
                ConvRef.convKernelGrad(h0, ga1, 3, 1),
                flat(Tiny.mul(Tiny.t(d1), e)),
            };
            for (int l = 0; l < 3; l++) {
                double[][] expected = new double[1][grads[l].length];
                for (int i = 0; i < grads[l].length; i++) {
                    expected[0][i] = before[l][i] - LR * grads[l][i];
                }
                assertTrue(maxAbs(grads[l]) > 1e-4, mode + " W" + l + " gradient should not vanish");
                Tiny.assertClose(expected, m.valueOf(net.params(l).get(0)), 2e-5, mode + " W" + l);
            }
        }
    }

    private static double[] flat(double[][] a) {
        double[] f = new double[a.length * a[0].length];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, f, i * a[0].length, a[0].length);
        }
        return f;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
