package org.distprop.reports.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.distprop.reports.figures.PairedSteps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paired JMH counters to per-step times, ratios and verdicts, on hand-written JMH JSON with known totals. */
class BenchTableTest {
    /** One JMH result of StepBenchmark.pairedStep with per-iteration counters (one fork). */
    private static String result(String method, String batch, double[] methodMs, double[] referenceMs, long[] pairs) {
        return result("mnist", method, batch, methodMs, referenceMs, pairs);
    }

    private static String result(String dataset, String method, String batch, double[] methodMs, double[] referenceMs, long[] pairs) {
        return """
            {"benchmark": "org.distprop.harness.bench.StepBenchmark.pairedStep", "mode": "avgt",
             "params": {"dataset": "%s", "method": "%s", "batchSize": "%s", "threads": "0", "hp": ""},
             "primaryMetric": {"score": 1.0, "scoreError": 0.1, "scoreUnit": "ms/op", "rawData": [[1.0]]},
             "secondaryMetrics": {
               "methodMs": {"score": 0, "scoreUnit": "#", "rawData": [%s]},
               "referenceMs": {"score": 0, "scoreUnit": "#", "rawData": [%s]},
               "pairs": {"score": 0, "scoreUnit": "#", "rawData": [%s]}}}
            """.formatted(dataset, method, batch, java.util.Arrays.toString(methodMs), java.util.Arrays.toString(referenceMs),
                java.util.Arrays.toString(pairs));
    }

    @Test
    void ratiosAreOfTotalsWithTheIterationRange(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("jmh-step.json"), "[" + String.join(",",
                // sgd vs its bare loop: 418 ms of steps vs 400 ms bare over 4 pairs -> overhead 4.5 % (goal met)
                result("sgd", "64", new double[] {200, 218}, new double[] {200, 200}, new long[] {2, 2}),
                // extraprop: 2x then 3x of the SGD step in its two iterations -> 500/200 = 2.5x, misses 2.1
                result("extraprop", "64", new double[] {200, 300}, new double[] {100, 100}, new long[] {1, 1}),
                // dtp: no goal
                result("dtp", "64", new double[] {50}, new double[] {100}, new long[] {1})) + "]");
        // the order is the store's method catalogue (written by the harness from the factories' ranks)
        org.distprop.store.MethodCatalog.write(dir, java.util.Map.of("sgd", new org.distprop.store.MethodCatalog.Entry("SGD", null, 10),
                "extraprop", new org.distprop.store.MethodCatalog.Entry("ExtraProp", null, 40),
                "dtp", new org.distprop.store.MethodCatalog.Entry("DTP", null, 80)));
        org.distprop.reports.figures.Methods.use(dir);
        List<BenchTable.Row> rows = BenchTable.compute(PairedSteps.read(dir));
        assertEquals(List.of("sgd", "extraprop", "dtp"), rows.stream().map(BenchTable.Row::method).toList());

        BenchTable.Row sgd = rows.get(0);
        assertEquals(104.5, sgd.ms(), 1e-12);
        assertEquals(100.0, sgd.referenceMs(), 1e-12);
        assertEquals(0.045, sgd.overhead(), 1e-12);
        assertEquals("meets goal", sgd.verdict());

        BenchTable.Row ep = rows.get(1);
        assertEquals(250.0, ep.ms(), 1e-12);
        assertEquals(2.5, ep.ratio(), 1e-12);
        assertEquals(2.0, ep.minRatio(), 1e-12);
        assertEquals(3.0, ep.maxRatio(), 1e-12);
        assertTrue(Double.isNaN(ep.overhead()));
        assertEquals("ratio > 2.10", ep.verdict());

        assertEquals("-", rows.get(2).verdict());
        String table = BenchTable.render(dir);
        assertTrue(table.contains("overhead +4.5 %: meets goal"), table);
        assertTrue(table.contains("2.50 [2.00-3.00]"), table);
        assertTrue(Files.exists(dir.resolve("step_ratios.csv")));
    }

    @Test
    void batchSizesAreOrderedNumerically(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("jmh-step.json"), "[" + String.join(",",
                result("sgd", "256", new double[] {400}, new double[] {400}, new long[] {1}),
                result("sgd", "64", new double[] {100}, new double[] {100}, new long[] {1})) + "]");
        assertEquals(List.of("64", "256"), BenchTable.compute(PairedSteps.read(dir)).stream().map(BenchTable.Row::batchSize).toList());
    }

    @Test
    void cifarRowsHaveTheirOwnGoalsAndTheLenetToMnistRatio(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("jmh-step.json"), "[" + String.join(",",
                // MNIST net, sgd at 256: 130 ms per harness step
                result("sgd", "256", new double[] {260}, new double[] {250}, new long[] {2}),
                // CIFAR LeNet at 1024: sgd 65 ms (0.5 of 130: misses 0.4); extraprop 2.2x (meets 2.3, would miss MNIST's 2.1)
                result("cifar10", "sgd", "1024", new double[] {130}, new double[] {125}, new long[] {2}),
                result("cifar10", "extraprop", "1024", new double[] {143}, new double[] {65}, new long[] {1})) + "]");
        List<BenchTable.Row> rows = BenchTable.compute(PairedSteps.read(dir));
        assertEquals(List.of("mnist", "cifar10", "cifar10"), rows.stream().map(BenchTable.Row::dataset).toList());
        assertEquals("meets goal", rows.get(2).verdict());
        assertEquals(2.3, rows.get(2).goal(), 0);
        assertEquals(0.5, BenchTable.lenetToMnistRatio(rows), 1e-12);
        String table = BenchTable.render(dir);
        assertTrue(table.contains("batch 256: 0.50 (goal <= 0.40: misses goal)"), table);
    }

    @Test
    void theMachineTheBenchmarkRanOnIsPrintedUnderTheTable(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("jmh-step.json"), "[" + result("sgd", "64", new double[] {1}, new double[] {1}, new long[] {1}) + "]");
        assertTrue(!BenchTable.render(dir).contains("Machine:"), "no machine.json, no line");
        Files.writeString(dir.resolve(org.distprop.store.BenchFiles.MACHINE),
                "{\"cpu\": \"AMD EPYC\", \"cores\": 2, \"cpu_id\": \"family 26 model 2 stepping 1\", \"cpu_simd\": [\"avx\", \"avx512f\"]}");
        String table = BenchTable.render(dir);
        assertTrue(table.contains("Machine: AMD EPYC (family 26 model 2 stepping 1), 2 cores, SIMD avx avx512f\n"), table);
    }

    @Test
    void aResultWithoutTheDatasetParameterIsMnist(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("jmh-step.json"), "[" + result("sgd", "64", new double[] {1}, new double[] {1}, new long[] {1})
                .replace("\"dataset\": \"mnist\", ", "") + "]");
        assertEquals("mnist", PairedSteps.read(dir).get(0).dataset());
    }

    @Test
    void aResultWithoutCountersIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("old.json"), """
            [{"benchmark": "org.distprop.harness.bench.StepBenchmark.pairedStep", "params": {"method": "sgd", "batchSize": "64"},
              "primaryMetric": {"score": 1.0, "scoreUnit": "ms/op"}, "secondaryMetrics": {}}]
            """);
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> PairedSteps.read(dir));
        assertTrue(e.getMessage().contains("old.json") && e.getMessage().contains("methodMs"), e.getMessage());
    }
}
