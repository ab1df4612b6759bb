package org.distprop.methods.lagrangian;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.distprop.datasets.Batch;
import org.distprop.datasets.Batches;
import org.distprop.datasets.Split;
import org.distprop.methods.Hyperparams;
import org.distprop.methods.MethodContext;
import org.distprop.methods.core.Architecture;
import org.distprop.methods.core.Architectures;
import org.distprop.methods.core.Network;
import org.distprop.methods.core.RowTable;
import org.distprop.methods.core.Shrink;
import org.tensorflow.op.Op;

/**
 * Regularized (penalty), GDA and ExtraProp: per-example states {@code s_hat in R^{|D| x H}} at the
 * split (used through a ReLU), initialised by one forward pass of f_0 over the training split so the
 * initial defect is 0 (method-spec §1.5), and per-example multipliers (zeros) for GDA/ExtraProp.
 * Tables are read and written only at the batch rows.
 */
final class TabularMethod extends PrimalDualMethod {
    enum Kind { REGULARIZED, GDA, EXTRAPROP }

    /** Rows per session.run of the state initialisation pass. */
    private static final int INIT_BATCH = 1000;

    private final RowTable states;
    private final RowTable multipliers;

    TabularMethod(MethodContext ctx, Kind kind) {
        super(ctx);
        Hyperparams hp = ctx.hp();
        if (ctx.data().train() == null) {
            // checked before any graph is built, so nothing is left open
            throw new IllegalArgumentException("per-example states are initialised from the training data; build the "
                    + "MethodContext with DatasetInfo.of(dataset) so it carries the training split");
        }
        Architecture arch = Architectures.build(hp.getChoice("arch"), ctx.data(), true);
        Network net = new Network(tf, arch, seeds, "");
        int h = (int) arch.blockOutShape(0)[0];
        int n = ctx.data().trainSize();
        float lrTheta = (float) hp.getDouble("lr_theta");
        float lrX = (float) hp.getDouble("lr_x");
        Shrink shrink = Shrink.parse(hp.getChoice("shrink"));
        float margin = (float) hp.getDouble("margin");

        states = RowTable.zeros(tf, "states", n, h, idx, true, true);
        StepRule rule;
        Float rho = null;
        float lrY = 0f;
        if (kind == Kind.REGULARIZED) {
            multipliers = null;
            rule = StepRule.GDA; // plain Adagrad descent on the penalised objective
            rho = (float) hp.getDouble("rho");
        } else {
            multipliers = RowTable.zeros(tf, "multipliers", n, h, idx, false, true);
            rule = kind == Kind.GDA ? StepRule.GDA
                    : StepRule.parse(hp.getChoice("step_rule"));
            lrY = (float) hp.getDouble("lr_y");
        }
        var dense = net.allParams();
        var spec = new PrimalDual.Spec(dense, Collections.nCopies(dense.size(), lrTheta), List.of(states), List.of(lrX),
                multipliers, lrY, rule);
        var f = new TabularFormulation(net, x, y, ctx.data().numClasses(), shrink, margin, rho);
        // states[idx] = f_0(x): the initialisation pass (no dropout)
        Op init = tf.scatterUpdate(states.table(), idx, net.applyBlock(tf, 0, x, false, null));
        long aux = states.size() + (multipliers == null ? 0 : multipliers.size());
        build(net, spec, f, aux);
        initialiseStates(init);
    }

    /** One forward pass of f_0 over the whole training split, writing row i with f_0(x_i). */
    private void initialiseStates(Op init) {
        Split train = ctx.data().train();
        if (train.size() != states.rows()) {
            throw new IllegalArgumentException("training split has " + train.size() + " examples, DatasetInfo says " + states.rows());
        }
        List<Op> targets = new ArrayList<>(List.of(init));
        for (Batch b : Batches.inOrder(train, INIT_BATCH)) {
            runOnce(b, targets);
        }
    }

    RowTable states() {
        return states;
    }

    RowTable multipliers() {
        return multipliers;
    }
}
