package org.distprop.baselines;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.distprop.baselines.core.LayerwiseMethod;
import org.distprop.baselines.core.LocalObjective;
import org.distprop.baselines.dfa.DfaFactory;
import org.distprop.baselines.dfa.DfaMethod;
import org.distprop.baselines.dfa.FaFactory;
import org.distprop.baselines.dtp.DtpFactory;
import org.distprop.baselines.dtp.DtpMethod;
import org.distprop.baselines.oam.OamFactory;
import org.distprop.baselines.oam.OamMethod;
import org.distprop.datasets.ImageShape;
import org.distprop.methods.DatasetInfo;
import org.distprop.methods.core.Architecture;
import org.distprop.methods.core.Architectures;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.junit.jupiter.api.Test;

/**
 * No baseline differentiates through another layer: for every quantity a baseline differentiates
 * (local losses, outputs receiving injected signals), walk the graph from it through op inputs,
 * stopping at StopGradient (and at shape-only ops, which carry no derivative), and collect the
 * variables reached. That set must be exactly the layer's own variables: tf.gradients can only
 * follow these paths. Checked on a small conv net so conv, pooling and flatten blocks are covered.
 */
class LocalityTest {
    private static final Set<String> NO_DERIVATIVE = Set.of("StopGradient", "Shape", "ShapeN", "Size", "Rank");
    private static final DatasetInfo DATA = new DatasetInfo("small", new ImageShape(10, 10, 1), 3, 100);
    private static final long[] IN = {10, 10, 1};

    /** conv3x3-4-relu-conv3x3-4-relu-maxpool2-flatten-fc8-relu | fc3 (mnist-cnn in miniature). */
    private static Architecture smallCnn() {
        var mnist = Architectures.mnistCnn(IN, 3, true);
        var layers = new java.util.ArrayList<>(mnist.layers());
        layers.set(0, new org.distprop.methods.core.Layer.Conv(4, 3, 1, 0));
        layers.set(2, new org.distprop.methods.core.Layer.Conv(4, 3, 1, 0));
        layers.set(6, new org.distprop.methods.core.Layer.Dense(8));
        return new Architecture("small", IN, 3, java.util.List.of(layers.subList(0, 8), layers.subList(8, 9)));
    }

    @Test
    void dfaIsLocal() {
        try (var m = new DfaMethod(Tiny.ctx(new DfaFactory(), DATA, Map.of()), DfaMethod.Mode.DFA, smallCnn())) {
            assertLocal(m, 4);
            // control: the walk does see across layers when it may cross the stop-gradients
            assertTrue(walk(m.forward().logits(), false).size() == m.network().allParams().size(),
                    "walk through stop-gradients should reach every layer: " + walk(m.forward().logits(), false));
        }
    }

    @Test
    void faIsLocal() {
        try (var m = new DfaMethod(Tiny.ctx(new FaFactory(), DATA, Map.of()), DfaMethod.Mode.FA, smallCnn())) {
            assertLocal(m, 4);
        }
    }

    @Test
    void dtpIsLocal() {
        try (var m = new DtpMethod(Tiny.ctx(new DtpFactory(), DATA, Map.of("init", "default")), smallCnn())) {
            assertLocal(m, 4 + 2); // 3 target losses + read-out + 2 inverses (conv+pool, dense)
        }
    }

    @Test
    void oamIsLocal() {
        try (var m = new OamMethod(Tiny.ctx(new OamFactory(), DATA, Map.of()), smallCnn())) {
            assertLocal(m, 3 + 4); // 3 code objectives + 4 module losses
        }
    }

    private static void assertLocal(LayerwiseMethod m, int expectedObjectives) {
        assertTrue(m.localObjectives().size() == expectedObjectives, "objectives: " + m.localObjectives().size());
        for (LocalObjective o : m.localObjectives()) {
            Set<String> reached = differentiableVariables(o.value());
            Set<String> allowed = new TreeSet<>();
            o.allowed().forEach(v -> allowed.add(v.op().name()));
            assertFalse(reached.isEmpty(), o.name() + " depends on no variable");
            assertTrue(allowed.equals(reached), o.name() + ": differentiable path reaches " + reached + ", allowed " + allowed);
        }
    }

    static Set<String> differentiableVariables(Operand<?> root) {
        return walk(root, true);
    }

    private static Set<String> walk(Operand<?> root, boolean stopAtStopGradient) {
        Set<String> vars = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        Deque<GraphOperation> todo = new ArrayDeque<>();
        todo.push((GraphOperation) root.op());
        while (!todo.isEmpty()) {
            GraphOperation op = todo.pop();
            if (!seen.add(op.name())) {
                continue;
            }
            if (op.type().equals("VariableV2")) {
                vars.add(op.name());
                continue;
            }
            if (stopAtStopGradient && NO_DERIVATIVE.contains(op.type())) {
                continue;
            }
            for (int i = 0; i < op.numInputs(); i++) {
                todo.push((GraphOperation) op.input(i).op());
            }
        }
        return vars;
    }
}
