package org.distprop.methods.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@link Network#applyBlock} builds ReLU-then-max-pool as pool-then-ReLU. Checked against the layers applied one by
 * one in their declared order ({@link Network#applyBlockLayers}, the plain composition): value and gradients w.r.t.
 * the input and every parameter, bit for bit, on integer-valued data, so that windows tie exactly (positive, zero
 * and negative maxima) and windows whose max is <= 0 are common.
 */
class NetworkPoolBeforeReluTest {
    @Test
    void poolBeforeReluGivesTheSameValueAndGradientsBitForBit() {
        Architecture arch = new Architecture("t", new long[] {6, 6, 2}, 5, List.of(List.of(
                new Layer.Conv(4, 3, 1, 0), new Layer.Relu(), new Layer.MaxPool(2, 2), new Layer.Flatten(),
                new Layer.Dense(5), new Layer.Relu())));
        Random r = new Random(7);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Network net = new Network(tf, arch, new Seeds(1), "");
            List<long[]> shapes = new ArrayList<>();
            long[] in = arch.blockInShape(0);
            for (Layer l : arch.blocks().get(0)) {
                shapes.addAll(l.paramShapes(in));
                in = l.outShape(in);
            }
            List<Operand<TFloat32>> params = new ArrayList<>();
            for (long[] sh : shapes) {
                params.add(ints(tf, r, Shape.of(sh), 2)); // weights and biases in {-2..2}
            }
            Operand<TFloat32> x = ints(tf, r, Shape.of(3, 6, 6, 2), 3);
            Operand<TFloat32> fused = net.applyBlock(tf, 0, x, params, true, null);
            List<Operand<TFloat32>> layers = net.applyBlockLayers(tf, 0, x, params, true, null);
            Operand<TFloat32> plain = layers.get(layers.size() - 1);
            Operand<TFloat32> w = ints(tf, r, Shape.of(3, 5), 3);
            List<Operand<?>> wrt = new ArrayList<>(params);
            wrt.add(0, x);
            List<float[]> a = values(s, tf, fused, w, wrt);
            List<float[]> b = values(s, tf, plain, w, wrt);
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(b.get(i), a.get(i), 0f, i == 0 ? "value" : "gradient " + (i - 1));
            }
            float[] pooledRelu = values(s, tf, layers.get(2), w, List.of()).get(0);
            int zeros = 0;
            for (float v : pooledRelu) {
                zeros += v == 0f ? 1 : 0;
            }
            assertTrue(zeros > 3 && zeros < pooledRelu.length - 3, "windows with max <= 0 and > 0 both occur: " + zeros);
        }
    }

    private static Operand<TFloat32> ints(Ops tf, Random r, Shape shape, int bound) {
        float[] v = new float[(int) shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(2 * bound + 1) - bound;
        }
        return tf.constant(shape, DataBuffers.of(v, true, false));
    }

    /** The output, then d(sum(out * w))/d(each of wrt). */
    private static List<float[]> values(Session s, Ops tf, Operand<TFloat32> out, Operand<TFloat32> w, List<Operand<?>> wrt) {
        List<Operand<?>> fetch = new ArrayList<>();
        fetch.add(out);
        if (!wrt.isEmpty()) {
            var loss = tf.reduceSum(tf.math.mul(out, w), tf.constant(new int[] {0, 1}));
            var grads = tf.gradients(loss, wrt);
            for (int i = 0; i < wrt.size(); i++) {
                fetch.add(grads.dy(i));
            }
        }
        var runner = s.runner();
        fetch.forEach(runner::fetch);
        List<float[]> res = new ArrayList<>();
        try (var result = runner.run()) {
            for (int i = 0; i < fetch.size(); i++) {
                TFloat32 t = (TFloat32) result.get(i);
                float[] v = new float[(int) t.size()];
                t.copyTo(DataBuffers.of(v, false, false));
                res.add(v);
            }
        }
        return res;
    }
}
