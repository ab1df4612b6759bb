package org.distprop.methods.sgd;

import java.util.ArrayList;
import java.util.List;
import org.distprop.datasets.Batch;
import org.distprop.methods.MethodContext;
import org.distprop.methods.StepMetrics;
import org.distprop.methods.core.Architecture;
import org.distprop.methods.core.Architectures;
import org.distprop.methods.core.GraphMethod;
import org.distprop.methods.core.Losses;
import org.distprop.methods.core.Network;
import org.distprop.methods.core.Optimizers;
import org.distprop.methods.core.Vjp;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Plain backpropagation through {@code f_1(f_0(x))} with the ReLU at the split kept. The paper's
 * "SGD" baseline was really Adagrad at lr 0.009185 (method-spec §2.1), which is the default;
 * {@code optimizer=sgd} gives true SGD.
 */
public final class SgdMethod extends GraphMethod {
    private final Network net;

    public SgdMethod(MethodContext ctx) {
        super(ctx);
        String optimizer = ctx.hp().getChoice("optimizer");
        float lr = (float) ctx.hp().getDouble("lr");
        Architecture arch = Architectures.build(ctx.hp().getChoice("arch"), ctx.data(), true).unsplit();
        net = new Network(tf, arch, seeds, "");
        var logits = net.forward(tf, x, true, noiseSeed);
        var loss = Losses.crossEntropy(tf, logits, y, ctx.data().numClasses());
        var params = net.allParams();
        List<Operand<TFloat32>> g = Vjp.grad(tf, loss, params);
        List<Operand<?>> deps = new ArrayList<>(g);
        deps.add(loss);
        Ops gated = Optimizers.gated(tf, deps);
        List<Op> updates = optimizer.equals("adagrad")
                ? Optimizers.adagrad(gated, params, Optimizers.accumulators(tf, params, "theta"), g, lr)
                : Optimizers.sgd(gated, params, g, lr);
        trainStep(List.of(loss), updates);
        evaluateWith(net);
        initialize();
    }

    @Override
    public StepMetrics step(Batch batch) {
        long t0 = System.nanoTime();
        try (Feed f = feed(batch)) {
            try (Result r = runTrain(f)) {
                double l = scalar(r, 0);
                return StepMetrics.unconstrained(l, (System.nanoTime() - t0) / 1e6);
            }
        }
    }

    /** The trained network (tests). */
    public Network network() {
        return net;
    }

    /** Current value of a variable, flattened (tests). */
    public float[] valueOf(Operand<TFloat32> v) {
        return fetchFloats(v, null);
    }

    @Override
    public long auxiliaryVariableCount() {
        return 0;
    }
}
