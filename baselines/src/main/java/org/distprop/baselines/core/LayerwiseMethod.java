package org.distprop.baselines.core;

import java.util.ArrayList;
import java.util.List;
import org.distprop.datasets.Batch;
import org.distprop.methods.MethodContext;
import org.distprop.methods.StepMetrics;
import org.distprop.methods.core.Architecture;
import org.distprop.methods.core.GraphMethod;
import org.distprop.methods.core.Network;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Base of the layer-local baselines: a network cut into one block per parametric layer
 * ({@link Layerwise}), a forward pass with a stop-gradient at every block input (so no update can
 * backpropagate into another layer), the list of local objectives for the locality checks, and the
 * common step (one session run whose first fetch is the batch's training loss).
 */
public abstract class LayerwiseMethod extends GraphMethod {
    protected final Architecture arch;
    protected final Network net;
    protected final int numBlocks;
    private final List<LocalObjective> objectives = new ArrayList<>();

    protected LayerwiseMethod(MethodContext ctx, Architecture perLayer) {
        super(ctx);
        this.arch = perLayer;
        this.net = new Network(tf, perLayer, seeds, "");
        this.numBlocks = perLayer.blocks().size();
    }

    /**
     * Block inputs ({@code in.get(0)} = x, {@code in.get(b)} = stopGradient(out.get(b-1))), outputs, and
     * every layer's output per block ({@code layers.get(b).get(i)}; the last one is {@code out.get(b)}).
     */
    public record Forward(List<Operand<TFloat32>> in, List<Operand<TFloat32>> out, List<List<Operand<TFloat32>>> layers) {
        public Operand<TFloat32> logits() {
            return out.get(out.size() - 1);
        }
    }

    /** The composed network with every block's input detached; values equal the plain forward pass. */
    protected Forward detachedForward(Operand<TFloat32> input) {
        List<Operand<TFloat32>> in = new ArrayList<>();
        List<Operand<TFloat32>> out = new ArrayList<>();
        List<List<Operand<TFloat32>>> layers = new ArrayList<>();
        Operand<TFloat32> h = input;
        for (int b = 0; b < numBlocks; b++) {
            Operand<TFloat32> hin = b == 0 ? h : tf.stopGradient(h);
            in.add(hin);
            var outs = net.applyBlockLayers(tf, b, hin, net.params(b), true, noiseSeed);
            layers.add(List.copyOf(outs));
            h = outs.get(outs.size() - 1);
            out.add(h);
        }
        return new Forward(in, out, layers);
    }

    /** {@code mean over the batch of sum over units of d^2} for a block-{@code b}-output-shaped d. */
    protected Operand<TFloat32> batchMeanSumSq(Operand<TFloat32> d, int rank) {
        int[] axes = new int[rank];
        for (int i = 0; i < rank; i++) {
            axes[i] = i + 1;
        }
        var perExample = tf.reduceSum(tf.math.square(d), tf.constant(axes));
        return tf.math.mean(perExample, tf.constant(0));
    }

    /** Per-step [2] seed for stateless noise, distinct per {@code stream}. */
    protected Operand<TInt64> stepSeed(long stream) {
        return tf.math.add(noiseSeed, tf.constant(new long[] {0, stream}));
    }

    /** Registers a local objective and the only variables it may depend on differentiably. */
    protected final void objective(String name, Operand<?> value, List<Variable<TFloat32>> allowed) {
        objectives.add(new LocalObjective(name, value, List.copyOf(allowed)));
    }

    public final List<LocalObjective> localObjectives() {
        return List.copyOf(objectives);
    }

    public final Network network() {
        return net;
    }

    /** Value of a tensor on a batch, without training (for tests and diagnostics; advances the noise-seed step). */
    public final float[] valueOn(Operand<TFloat32> t, Batch b) {
        try (Feed f = feed(b); Result r = f.runner().fetch(t).run()) {
            return copy((TFloat32) r.get(0));
        }
    }

    /**
     * One training step that also fetches {@code extra} in the same session run (tests: the forward values,
     * dropout masks included, that the step's updates were computed from). Returns their values.
     */
    public final List<float[]> stepFetching(Batch batch, List<? extends Operand<TFloat32>> extra) {
        try (Feed f = feed(batch)) {
            var r = f.runner();
            extra.forEach(r::fetch);
            trainTargets().forEach(r::addTarget);
            try (Result res = r.run()) {
                List<float[]> out = new ArrayList<>();
                for (int i = 0; i < extra.size(); i++) {
                    out.add(copy((TFloat32) res.get(i)));
                }
                return out;
            }
        }
    }

    /** Current value of a variable (for tests and diagnostics). */
    public final float[] valueOf(Operand<TFloat32> v) {
        try (Result r = session().runner().fetch(v).run()) {
            return copy((TFloat32) r.get(0));
        }
    }

    private static float[] copy(TFloat32 t) {
        float[] a = new float[(int) t.size()];
        t.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(a, false, false));
        return a;
    }

    /** Runs the declared training ops; fetch 0 must be the batch's training loss. */
    @Override
    public StepMetrics step(Batch batch) {
        long t0 = System.nanoTime();
        try (Feed f = feed(batch); Result r = runTrain(f)) {
            return StepMetrics.unconstrained(scalar(r, 0), (System.nanoTime() - t0) / 1e6);
        }
    }

    @Override
    public long auxiliaryVariableCount() {
        return 0;
    }
}
