package org.distprop.reports.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.util.List;
import java.util.Map;
import org.distprop.store.Status;
import org.junit.jupiter.api.Test;

/** The robust-range table: min/max of each parameter over trials with accuracy >= 0.9 x best. */
class Fig4RangesTest {
    static SweepHistory.Trial t(int i, double lr, double acc) {
        return new SweepHistory.Trial(i, Map.<String, JsonNode>of("lr", DoubleNode.valueOf(lr)), acc, Status.OK.wire(), null);
    }

    @Test
    void rangeOverTrialsWithinTenPercentOfTheBest() {
        // best 0.98 -> threshold 0.882: trials 0, 1, 3 are within, trial 2 (0.85) is not
        List<SweepHistory.Trial> ok = List.of(t(0, 1e-3, 0.98), t(1, 3e-3, 0.90), t(2, 1e-1, 0.85), t(3, 2e-4, 0.882));
        List<SweepHistory.Trial> within = ok.stream().filter(x -> x.objective() >= 0.9 * 0.98 - 1e-12).toList();
        assertEquals(3, within.size());
        Axis a = Axis.of("lr", ok.stream().map(x -> x.params().get("lr")).toList());
        Fig4Sweep.Range r = Fig4Sweep.ranges(List.of(a), ok, within).get(0);
        assertEquals("2e-4", r.minWithin());
        assertEquals("0.003", r.maxWithin());
        assertEquals("2e-4", r.minAll());
        assertEquals("0.1", r.maxAll());
    }
}
