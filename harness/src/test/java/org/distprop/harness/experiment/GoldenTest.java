package org.distprop.harness.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The golden comparison itself, on hand-made rows: what drifts, what does not, and what the diff says. */
class GoldenTest {
    static final Golden.Shape SHAPE = new Golden.Shape("fig3.csv", List.of("method", "x"),
            RealSpecsCiTest.ordered("runs", Golden.Tolerance.exactly(), "mean", Golden.Tolerance.abs(0.03)));

    static Map<String, String> row(String method, String x, String runs, String mean) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("x", x);
        m.put("runs", runs);
        m.put("mean", mean);
        return m;
    }

    @Test
    void withinToleranceIsNoDrift() {
        var expected = List.of(row("sgd", "10", "2", "0.50"), row("gda", "10", "2", "NaN"));
        var got = List.of(row("sgd", "10", "2", "0.529"), row("gda", "10", "2", "nan"));
        assertEquals(List.of(), Golden.compare(SHAPE, expected, got));
    }

    @Test
    void outsideToleranceMissingAndExtraRowsAreDrifts() {
        var expected = List.of(row("sgd", "10", "2", "0.50"), row("gda", "10", "2", "0.40"));
        var got = List.of(row("sgd", "10", "1", "0.45"), row("dfa", "10", "2", "0.40"));
        List<Golden.Drift> d = Golden.compare(SHAPE, expected, got);
        assertEquals(4, d.size(), d.toString()); // runs and mean of sgd, gda missing, dfa extra
        assertEquals("runs", d.get(0).metric());
        assertEquals("mean", d.get(1).metric());
        assertEquals("0.50", d.get(1).expected());
        assertEquals("0.45", d.get(1).got());
        String report = Golden.report("fig3", d);
        assertTrue(report.contains("method=sgd x=10") && report.contains("±0.03") && report.contains("make golden"), report);
    }

    @Test
    void relativeToleranceScalesWithTheExpectedValue() {
        Golden.Tolerance t = Golden.Tolerance.rel(0.10, 1e-6);
        assertTrue(t.holds("0.02", "0.0219"));
        assertTrue(!t.holds("0.02", "0.0221"));
        assertTrue(t.holds("0", "0.0000009"));
        assertTrue(!t.holds("NaN", "0.1"));
    }
}
