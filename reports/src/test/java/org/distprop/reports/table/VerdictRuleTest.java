package org.distprop.reports.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.distprop.reports.store.ResultsStore;
import org.distprop.reports.store.RunInfo;
import org.junit.jupiter.api.Test;

/** Table 1 verdict: paper inside mean +- 2 sample std, or within the tolerance of the mean. */
class VerdictRuleTest {
    static ResultsStore.Cell cell(double... acc) {
        List<RunInfo> runs = new ArrayList<>();
        for (int i = 0; i < acc.length; i++) {
            ObjectNode m = ResultsStore.JSON.createObjectNode().put("status", "ok").put("seed", i);
            m.putObject("final").put("test_top1", acc[i]);
            runs.add(new RunInfo(Path.of("results/table1/mnist/sgd/h/seed-" + i), "x", m));
        }
        return new ResultsStore.Cell("mnist", "sgd", runs, List.of());
    }

    static String verdict(double paper, double tolerance, double... acc) {
        return Table1.row("mnist", "sgd", "top1", cell(acc), paper, "", "", tolerance).verdict();
    }

    @Test
    void insideTwoStdIsReproduced() {
        // mean 0.95, sample std 0.01 -> band [0.93, 0.97]
        assertEquals(Table1.REPRODUCED, verdict(0.9690, 0.0, 0.94, 0.95, 0.96));
        assertEquals(Table1.NOT_REPRODUCED, verdict(0.9710, 0.0, 0.94, 0.95, 0.96));
        assertEquals(Table1.NOT_REPRODUCED, verdict(0.9290, 0.0, 0.94, 0.95, 0.96));
    }

    @Test
    void toleranceCoversSingleSeedsAndTightClusters() {
        assertEquals(Table1.REPRODUCED, verdict(0.955, 0.006, 0.95));
        assertEquals(Table1.NOT_REPRODUCED, verdict(0.957, 0.006, 0.95));
    }

    @Test
    void noCompletedSeedIsNotRun() {
        assertEquals(Table1.NOT_RUN, verdict(0.95, 0.005));
        assertEquals(Table1.NOT_RUN, Table1.row("mnist", "sgd", "top1", null, 0.95, "", "", 0.005).verdict());
    }

    @Test
    void theCheckedInClaimsHoldThePapersTable1() {
        Claims c = Claims.load(null);
        assertEquals(12, c.cells().size()); // + 4 ImageNet literature rows (LiteratureRowsTest)
        assertEquals(0.9903, c.cells().stream().filter(x -> x.dataset().equals("mnist") && x.method().equals("distprop"))
                .findFirst().orElseThrow().paperAccuracy());
        assertEquals(0.3039, c.cells().stream().filter(x -> x.method().equals("distprop") && x.metric().equals("top5"))
                .findFirst().orElseThrow().paperAccuracy());
        assertEquals(0.005, c.tolerance());
    }
}
