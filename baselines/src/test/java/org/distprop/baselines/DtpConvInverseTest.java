package org.distprop.baselines;

import java.util.List;
import java.util.Map;
import org.distprop.baselines.dtp.DtpFactory;
import org.distprop.baselines.dtp.DtpMethod;
import org.distprop.datasets.Batch;
import org.distprop.datasets.ImageShape;
import org.distprop.methods.DatasetInfo;
import org.distprop.methods.core.Architecture;
import org.distprop.methods.core.Layer;
import org.junit.jupiter.api.Test;

/**
 * DTP's inverse of a PADDED, strided conv block (AlexNet has both): conv3x3p1-2-relu | conv3x3 stride 2
 * padding 1 -3-relu-flatten | fc3 on 6x6x1. The inverse of block 1 is linear (its input is a ReLU output),
 * g(u) = convT(u, V) + c with convT the transposed convolution onto the 6x6 grid, so the difference-corrected
 * target is t_0 = h_0 + convT(t_1 - h_1, V), with t_1 = h_1 - alpha e W_2^T. Checked against {@link ConvRef}.
 */
class DtpConvInverseTest {
    private static final double ALPHA = 0.4;
    private static final int N = 4;

    @Test
    void paddedStridedConvInverseIsTheTransposedConvolution() {
        var shape = new ImageShape(6, 6, 1);
        var data = new DatasetInfo("conv", shape, 3, 100);
        var layers = List.<Layer>of(new Layer.Conv(2, 3, 1, 1), new Layer.Relu(), new Layer.Conv(3, 3, 2, 1), new Layer.Relu(),
                new Layer.Flatten(), new Layer.Dense(3));
        var arch = new Architecture("padded", new long[] {6, 6, 1}, 3, List.of(layers));
        var hp = Map.of("optimizer", "sgd", "init", "default", "target_step", String.valueOf(ALPHA), "arch", "mlp");
        try (DtpMethod m = new DtpMethod(Tiny.ctx(new DtpFactory(), data, hp), arch)) {
            Batch b = Tiny.batch(shape, N, 3, 51);
            var net = m.network();
            double[][][][] x = ConvRef.tensor(b.images(), N, 6, 6, 1);
            double[][][][] h0 = ConvRef.relu(ConvRef.conv(x, ConvRef.kernel(m.valueOf(net.params(0).get(0)), 3, 1, 2),
                    m.valueOf(net.params(0).get(1)), 1));
            double[][] h1 = ConvRef.flatten(ConvRef.relu(ConvRef.conv(h0, ConvRef.kernel(m.valueOf(net.params(1).get(0)), 3, 2, 3),
                    m.valueOf(net.params(1).get(1)), 1, 2)));
            double[][] w2 = Tiny.mat(m.valueOf(net.params(2).get(0)), 27, 3);
            double[][] e = Tiny.ceGradient(Tiny.dense(h1, w2, m.valueOf(net.params(2).get(1)), false), b.labels());
            double[][] dh1 = Tiny.mul(e, Tiny.t(w2));
            double[][] diff = new double[N][27];
            double[][] t1 = new double[N][27];
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < 27; j++) {
                    t1[i][j] = h1[i][j] - ALPHA * dh1[i][j];
                    diff[i][j] = t1[i][j] - h1[i][j];
                }
            }
            double[][][][] v = ConvRef.kernel(m.valueOf(m.inverseVariables(1).get(0)), 3, 2, 3);
            double[][][][] corr = ConvRef.convInputGrad(ConvRef.unflatten(diff, 3, 3, 3), v, 6, 6, 1, 2);
            double[][][][] t0 = ConvRef.zerosLike(h0);
            ConvRef.forEach(t0, (s, y, xx, c) -> t0[s][y][xx][c] = h0[s][y][xx][c] + corr[s][y][xx][c]);
            Tiny.assertClose(t1, m.valueOn(m.targets().get(1), b), 1e-5, "target 1");
            Tiny.assertClose(ConvRef.flatten(t0), m.valueOn(m.targets().get(0), b), 1e-5, "target 0 (through the padded conv inverse)");
        }
    }
}
