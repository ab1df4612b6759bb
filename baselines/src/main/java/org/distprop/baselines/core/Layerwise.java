package org.distprop.baselines.core;

import java.util.ArrayList;
import java.util.List;
import org.distprop.methods.core.Architecture;
import org.distprop.methods.core.Layer;

/**
 * Re-splits an architecture into one block per parametric layer (conv or dense), the unit that the
 * layer-local baselines update. Two conventions, because the references cut the net differently:
 * <ul>
 * <li>{@link #afterActivations}: block = [param layer, following activation/pool/flatten] (DFA and
 * DTP: feedback and targets live at a layer's post-activation, post-pool output, baselines-spec §2.4);
 * <li>{@link #beforeLinear}: block = [preceding activation/pool/flatten, param layer] (OAM: codes are
 * the linear modules' pre-activation outputs, baselines-spec §3.1).
 * </ul>
 * Composing the blocks gives exactly the original network.
 */
public final class Layerwise {
    private Layerwise() {
    }

    public static boolean isParametric(Layer l) {
        return l instanceof Layer.Conv || l instanceof Layer.Dense;
    }

    public static Architecture afterActivations(Architecture a) {
        List<List<Layer>> blocks = new ArrayList<>();
        List<Layer> cur = new ArrayList<>();
        boolean hasParam = false;
        for (Layer l : a.layers()) {
            if (isParametric(l) && hasParam) {
                blocks.add(cur);
                cur = new ArrayList<>();
            }
            hasParam |= isParametric(l);
            cur.add(l);
        }
        blocks.add(cur);
        return new Architecture(a.name(), a.inShape(), a.numClasses(), blocks);
    }

    public static Architecture beforeLinear(Architecture a) {
        List<List<Layer>> blocks = new ArrayList<>();
        List<Layer> cur = new ArrayList<>();
        for (Layer l : a.layers()) {
            cur.add(l);
            if (isParametric(l)) {
                blocks.add(cur);
                cur = new ArrayList<>();
            }
        }
        if (!cur.isEmpty()) { // anything after the last linear layer joins the output module
            blocks.get(blocks.size() - 1).addAll(cur);
        }
        return new Architecture(a.name(), a.inShape(), a.numClasses(), blocks);
    }

    /** Index of the (single) parametric layer in block {@code b}. */
    public static int paramLayerIndex(Architecture a, int b) {
        List<Layer> layers = a.blocks().get(b);
        for (int i = 0; i < layers.size(); i++) {
            if (isParametric(layers.get(i))) {
                return i;
            }
        }
        throw new IllegalArgumentException("block " + b + " of " + a.name() + " has no parametric layer");
    }

    /** Number of elements of block {@code b}'s output per example. */
    public static long outSize(Architecture a, int b) {
        long n = 1;
        for (long d : a.blockOutShape(b)) {
            n *= d;
        }
        return n;
    }
}
