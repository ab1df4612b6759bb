package org.distprop.reports.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class AxisTest {
    static List<JsonNode> d(double... v) {
        return java.util.Arrays.stream(v).mapToObj(x -> (JsonNode) DoubleNode.valueOf(x)).toList();
    }

    @Test
    void learningRatesAreLogEvenOverANarrowRange() {
        Axis a = Axis.of("lr_theta", d(1e-3, 4e-3, 1e-2));
        assertEquals(Axis.Kind.LOG, a.kind());
        assertEquals(0.5, a.position(Math.sqrt(1e-5)), 1e-12); // geometric middle of [1e-3, 1e-2]
        assertEquals(Axis.Kind.LOG, Axis.of("initial_lr_y", d(1e-7, 2e-7)).kind());
        assertEquals(Axis.Kind.LINEAR, Axis.of("distributional_margin", d(0.05, 0.3, 0.6)).kind());
        assertEquals(Axis.Kind.LOG, Axis.of("other", d(0.01, 0.5, 3.0)).kind()); // spans >= 2 decades
    }

    @Test
    void fewIntegerValuesAndTextAreCategoriesInNumericOrder() {
        Axis a = Axis.of("num_samples", List.of(IntNode.valueOf(2048), IntNode.valueOf(32), IntNode.valueOf(256)));
        assertEquals(Axis.Kind.CATEGORICAL, a.kind());
        assertEquals(List.of("32", "256", "2048"), a.categories());
        assertEquals(0.5, a.position(IntNode.valueOf(256)), 0);
        assertEquals(Axis.Kind.CATEGORICAL, Axis.of("optimizer", List.of(TextNode.valueOf("adagrad"), TextNode.valueOf("sgd"))).kind());
    }

    @Test
    void linearPositionAndLogTicks() {
        Axis a = Axis.numeric("acc", 0.8, 1.0);
        assertEquals(0.25, a.position(0.85), 1e-12);
        Axis log = Axis.of("lr", d(1e-6, 1e-3));
        assertEquals(List.of("1e-6", "1e-5", "1e-4", "1e-3"), log.ticks().stream().map(Axis.Tick::label).toList());
    }
}
