package org.distprop.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.distprop.datasets.Batcher;
import org.distprop.datasets.Batches;
import org.distprop.datasets.DataDir;
import org.distprop.datasets.Dataset;
import org.distprop.datasets.Mnist;
import org.distprop.datasets.Subsets;
import org.distprop.methods.DatasetInfo;
import org.distprop.methods.Hyperparams;
import org.distprop.methods.MethodContext;
import org.distprop.methods.MethodRegistry;
import org.distprop.methods.TrainingMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each baseline, selected by name from the registry with its default settings, learns on real
 * MNIST: 60 steps of batch 64 on a 2,000-image subset lift test accuracy on 500 images far above
 * chance (the full-scale numbers come from `distprop run`, see the report).
 */
class MnistSmokeTest {
    private static Dataset data;

    @BeforeAll
    static void load() {
        data = Subsets.firstPerClass(Mnist.load(DataDir.resolve(null)), 200, 50);
    }

    @ParameterizedTest
    @CsvSource({"dfa,1", "fa,1", "dtp,2", "oam,25"})
    void learnsOnRealMnist(String name, int gradientEvaluations) {
        var f = MethodRegistry.get(name);
        var hp = Hyperparams.resolve(name, f.hyperparameters("mnist"), Map.of());
        try (TrainingMethod m = f.create(new MethodContext(DatasetInfo.of(data), hp, 1L, 0))) {
            assertEquals(gradientEvaluations, m.gradientEvaluationsPerStep());
            Batcher batcher = new Batcher(data.train(), 64, 1L);
            for (int s = 0; s < 60; s++) {
                assertTrue(m.step(batcher.batchAt(s)).isFinite(), name + " diverged at step " + s);
            }
            var eval = m.evaluate(Batches.inOrder(data.test(), 250));
            assertEquals(500, eval.count());
            assertTrue(eval.top1() > 0.6, name + " top-1 after 60 steps: " + eval.top1());
        }
    }
}
