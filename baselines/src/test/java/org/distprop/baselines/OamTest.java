package org.distprop.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.distprop.baselines.oam.OamFactory;
import org.distprop.baselines.oam.OamMethod;
import org.distprop.datasets.Batch;
import org.distprop.methods.core.Architectures;
import org.junit.jupiter.api.Test;

class OamTest {
    /** Each code's inner loop lowers that code's local objective (ReLU MLP 4-6-6-3, IBM defaults). */
    @Test
    void codeUpdatesLowerTheirLocalObjectives() {
        var arch = Architectures.mlp(Tiny.IN, 3, Tiny.ints(6, 6), true);
        try (OamMethod m = new OamMethod(Tiny.ctx(new OamFactory(), Tiny.DATA, Map.of()), arch)) {
            Batch b = Tiny.batch(Tiny.SHAPE, 8, 3, 3);
            assertEquals(2, m.codeObjectives().size());
            assertEquals(2 * 5 + 2 + 1, m.gradientEvaluationsPerStep());
            for (int k = 0; k < 2; k++) {
                var objs = m.codeObjectives().get(k);
                double first = m.valueOn(objs.get(0), b)[0];
                double last = m.valueOn(objs.get(objs.size() - 1), b)[0];
                assertTrue(last < first, "code " + k + " objective " + first + " -> " + last);
            }
        }
    }

    @Test
    void lenetHasTheForkCountOf25GradientEvaluations() {
        var data = new org.distprop.methods.DatasetInfo("mnist", new org.distprop.datasets.ImageShape(28, 28, 1), 10, 60000);
        var arch = Architectures.lenet(new long[] {28, 28, 1}, 10);
        try (OamMethod m = new OamMethod(Tiny.ctx(new OamFactory(), data, Map.of()), arch)) {
            assertEquals(25, m.gradientEvaluationsPerStep());
            assertEquals(4, m.initialCodes().size());
        }
    }
}
