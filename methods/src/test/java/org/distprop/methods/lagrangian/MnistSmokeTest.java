package org.distprop.methods.lagrangian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
import org.distprop.methods.MethodFactory;
import org.distprop.methods.MethodRegistry;
import org.distprop.methods.StepMetrics;
import org.distprop.methods.TrainingMethod;
import org.junit.jupiter.api.Test;

/** Each Lagrangian method on real MNIST (500-example subset, the paper's CNN): a few finite steps. */
class MnistSmokeTest {
    @Test
    void everyMethodStepsAndEvaluatesOnRealMnist() {
        Dataset d = Subsets.firstPerClass(Mnist.load(DataDir.resolve(null)), 50, 20);
        for (String method : List.of("regularized", "gda", "extraprop", "distprop")) {
            MethodFactory f = MethodRegistry.get(method);
            Hyperparams hp = Hyperparams.resolve(method, f.hyperparameters("mnist"), Map.of());
            try (TrainingMethod m = f.create(new MethodContext(DatasetInfo.of(d), hp, 3L, 2))) {
                Batcher batcher = new Batcher(d.train(), 32, 3L);
                for (int k = 0; k < 4; k++) {
                    StepMetrics s = m.step(batcher.batchAt(k));
                    assertTrue(s.isFinite(), method + " step " + k + ": " + s);
                    assertEquals(1, s.defects().size());
                    if (k == 0 && !method.equals("distprop")) {
                        assertEquals(0.0, s.defects().get(0).meanAbs(), method + ": states start at f_0(x)");
                    }
                }
                var e = m.evaluate(Batches.inOrder(d.test(), 100));
                assertEquals(200, e.count());
                assertTrue(e.loss() > 0 && Double.isFinite(e.loss()));
            }
        }
    }
}
