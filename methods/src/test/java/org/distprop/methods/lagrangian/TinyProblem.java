package org.distprop.methods.lagrangian;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.distprop.datasets.Batch;
import org.distprop.datasets.Batches;
import org.distprop.datasets.ImageShape;
import org.distprop.datasets.InMemorySplit;
import org.distprop.datasets.Split;
import org.distprop.methods.DatasetInfo;
import org.distprop.methods.Hyperparams;
import org.distprop.methods.MethodContext;
import org.distprop.methods.MethodFactory;
import org.distprop.methods.MethodRegistry;

/** Tiny synthetic data (4x4x1 images, 3 classes) and method construction for the unit tests. */
final class TinyProblem {
    static final ImageShape SHAPE = new ImageShape(4, 4, 1);
    static final int CLASSES = 3;

    private TinyProblem() {
    }

    static Split split(int n, long seed) {
        Random r = new Random(seed);
        byte[] px = new byte[n * SHAPE.size()];
        r.nextBytes(px);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % CLASSES;
        }
        return new InMemorySplit(px, labels, SHAPE, new float[] {0.5f}, new float[] {0.3f});
    }

    /** A batch of the given (unique) dataset indices. */
    static Batch batch(Split s, int... idx) {
        return Batches.gather(s, idx, 0, 0);
    }

    static PrimalDualMethod create(String method, Split train, Map<String, String> overrides) {
        MethodFactory f = MethodRegistry.get(method);
        Map<String, String> hp = new HashMap<>(Map.of("arch", "mlp"));
        hp.putAll(overrides);
        Hyperparams h = Hyperparams.resolve(method, f.hyperparameters("mnist"), hp);
        var info = new DatasetInfo("tiny", SHAPE, CLASSES, train.size(), train);
        return (PrimalDualMethod) f.create(new MethodContext(info, h, 7L, 2));
    }
}
