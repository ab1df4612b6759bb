package org.distprop.reports.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.distprop.reports.paper.Scale;
import org.distprop.reports.store.ResultsStore;
import org.distprop.reports.store.RunInfo;
import org.distprop.store.Status;
import org.junit.jupiter.api.Test;

/**
 * Table 1 verdict: like with like (the paper's values are best runs of sweeps): the paper's value within
 * max(tolerance, 2 sample std) of our best seed; REDUCED SCALE for runs below the paper's protocol.
 */
class VerdictRuleTest {
    static final Claims.Protocol ANY = new Claims.Protocol(0, 0, "");
    static final Claims.Protocol MNIST = new Claims.Protocol(1024, 6500, "");

    static ResultsStore.Cell cell(double... acc) {
        return cell(1024, 6608, 0, acc);
    }

    static ResultsStore.Cell cell(long batch, long steps, long perClass, double... acc) {
        List<RunInfo> runs = new ArrayList<>();
        for (int i = 0; i < acc.length; i++) {
            ObjectNode m = ResultsStore.JSON.createObjectNode().put("status", Status.OK.wire()).put("seed", i).put("batch_size", batch)
                    .put("steps", steps).put("train_per_class", perClass).put("test_per_class", 0);
            m.putObject("final").put("test_top1", acc[i]);
            runs.add(new RunInfo(Path.of("results/table1/mnist/sgd/h/seed-" + i), "x", m));
        }
        return new ResultsStore.Cell("mnist", "sgd", runs, List.of());
    }

    static String verdict(double paper, double tolerance, double... acc) {
        return Table1.row("mnist", "sgd", "top1", cell(acc), paper, "", "", tolerance, MNIST).verdict();
    }

    @Test
    void withinTwoStdOfTheBestRunIsReproduced() {
        // best 0.96, sample std 0.01 -> [0.94, 0.98] around the best run
        assertEquals(Table1.REPRODUCED, verdict(0.9790, 0.0, 0.94, 0.95, 0.96));
        assertEquals(Table1.REPRODUCED, verdict(0.9410, 0.0, 0.94, 0.95, 0.96));
        assertEquals(Table1.NOT_REPRODUCED, verdict(0.9810, 0.0, 0.94, 0.95, 0.96));
        assertEquals(Table1.NOT_REPRODUCED, verdict(0.9390, 0.0, 0.94, 0.95, 0.96));
        Table1.Row r = Table1.row("mnist", "sgd", "top1", cell(0.94, 0.95, 0.96), 0.97, "", "", 0.0, MNIST);
        assertEquals(-0.01, r.difference(), 1e-12); // best - paper
    }

    @Test
    void toleranceCoversSingleSeedsAndTightClusters() {
        assertEquals(Table1.REPRODUCED, verdict(0.955, 0.006, 0.95));
        assertEquals(Table1.NOT_REPRODUCED, verdict(0.957, 0.006, 0.95));
    }

    @Test
    void runsBelowThePapersProtocolAreReducedScaleNeverNotReproduced() {
        String fewSteps = Table1.row("mnist", "sgd", "top1", cell(1024, 590, 0, 0.5), 0.99, "", "", 0.005, MNIST).verdict();
        String subset = Table1.row("mnist", "sgd", "top1", cell(1024, 6608, 20, 0.5), 0.99, "", "", 0.005, MNIST).verdict();
        String batch = Table1.row("mnist", "sgd", "top1", cell(32, 6608, 0, 0.5), 0.99, "", "", 0.005, MNIST).verdict();
        assertEquals(List.of(Scale.REDUCED, Scale.REDUCED, Scale.REDUCED), List.of(fewSteps, subset, batch));
        assertEquals(Table1.NOT_REPRODUCED, Table1.row("mnist", "sgd", "top1", cell(32, 20, 0, 0.5), 0.99, "", "", 0.005, ANY).verdict());
    }

    @Test
    void noCompletedSeedIsNotRun() {
        assertEquals(Table1.NOT_RUN, verdict(0.95, 0.005));
        assertEquals(Table1.NOT_RUN, Table1.row("mnist", "sgd", "top1", null, 0.95, "", "", 0.005, MNIST).verdict());
    }

    @Test
    void theCheckedInClaimsHoldThePapersTable1() {
        Claims c = Claims.load(null);
        assertEquals(12, c.cells().size()); // + 4 ImageNet literature rows (LiteratureRowsTest)
        Claims.Cell dp = c.cells().stream().filter(x -> x.dataset().equals("mnist") && x.method().equals("distprop-asrun"))
                .findFirst().orElseThrow();
        assertEquals(0.9903, dp.paperAccuracy());
        assertEquals("distprop", dp.asDescribed()); // compared with the as-run row, the as-described one shown beside it
        assertEquals(new Claims.Protocol(1024, 6500, c.protocolOf("mnist").note()), c.protocolOf("mnist"));
        assertEquals(0.3039, c.cells().stream().filter(x -> x.method().equals("distprop") && x.metric().equals("top5"))
                .findFirst().orElseThrow().paperAccuracy());
        assertEquals(0.005, c.tolerance());
    }
}
