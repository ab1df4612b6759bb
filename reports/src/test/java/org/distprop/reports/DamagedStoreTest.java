package org.distprop.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.distprop.reports.table.Table1;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The fixture store with four ok records damaged the ways a kill or a second writer leaves them: the
 * report must name each one with its reason, not use it (n drops), and --strict must fail.
 */
class DamagedStoreTest {
    static final String UNPARSABLE = "table1/mnist/sgd/t1sgd/seed-0";
    static final String TRUNCATED_TRACE = "table1/mnist/sgd/t1sgd/seed-1";
    static final String TRUNCATED_EVAL = "table1/mnist/extraprop/t1extr/seed-0";
    static final String MISSING_TRACE = "table1/cifar10/sgd/t1csgd/seed-0";

    @TempDir
    static Path tmp;
    static Path results;
    static Report.Summary summary;

    @BeforeAll
    static void damageAndRender() throws Exception {
        results = tmp.resolve("results");
        ReportFixtureTest.copy(ReportFixtureTest.resource("fixture/results"), results);
        Files.writeString(results.resolve(UNPARSABLE).resolve("manifest.json"), "{\"status\": \"ok\", \"seed\": ");
        Path trace = results.resolve(TRUNCATED_TRACE).resolve("trace.csv");
        byte[] t = Files.readAllBytes(trace);
        Files.write(trace, java.util.Arrays.copyOf(t, t.length - 20)); // cut inside the last row
        Path eval = results.resolve(TRUNCATED_EVAL).resolve("eval.csv");
        List<String> e = Files.readAllLines(eval);
        Files.write(eval, e.subList(0, e.size() - 1)); // cut at a line boundary: the final evaluation is gone
        Files.delete(results.resolve(MISSING_TRACE).resolve("trace.csv"));
        summary = Report.render(results, results.resolve("report"), "quick", null);
    }

    @Test
    void everyDamagedRecordIsNamedWithItsReason() throws Exception {
        Map<String, String> expected = Map.of(UNPARSABLE, "manifest.json does not parse",
                TRUNCATED_TRACE, "trace.csv line 11 has", TRUNCATED_EVAL, "eval.csv ends at step 60; the manifest says 90 steps",
                MISSING_TRACE, "trace.csv is missing");
        assertEquals(4, summary.skipped().size(), summary.skipped().toString());
        String index = Files.readString(results.resolve("report/index.html"));
        assertTrue(index.contains("Skipped records (4)"), "index.html section");
        expected.forEach((rec, reason) -> {
            String line = summary.skipped().stream().filter(s -> s.startsWith(rec + ": ")).findFirst().orElse("none for " + rec);
            assertTrue(line.contains(reason), line);
            assertTrue(index.contains(line), "index.html lists " + line);
        });
    }

    @Test
    void damagedRecordsAreNotAveragedAndNDropsVisibly() {
        // fixture: MNIST SGD 3 ok seeds, ExtraProp 3, CIFAR-10 SGD 2
        assertEquals(1, ok("mnist", "sgd"));
        assertEquals(2, ok("mnist", "extraprop"));
        assertEquals(1, ok("cifar10", "sgd"));
        Table1.Row extraprop = summary.table().stream().filter(r -> r.dataset().equals("mnist") && r.method().equals("extraprop"))
                .findFirst().orElseThrow();
        assertTrue(extraprop.excluded().stream().anyMatch(x -> x.contains("damaged record") && x.contains(TRUNCATED_EVAL)),
                extraprop.excluded().toString());
        assertTrue(extraprop.notOkSummary().contains("1 damaged"), extraprop.notOkSummary());
        Table1.Row sgd = summary.table().stream().filter(r -> r.dataset().equals("mnist") && r.method().equals("sgd"))
                .findFirst().orElseThrow();
        assertTrue(sgd.excluded().stream().anyMatch(x -> x.startsWith("seed 0 skipped, damaged record: manifest.json does not parse")
                && x.contains(UNPARSABLE)), "an unparsable manifest is placed in its cell by its path: " + sgd.excluded());
    }

    @Test
    void strictFailsAndPlainRunListsTheSkippedRecords() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int plain;
        int strict;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            plain = new CommandLine(new ReportMain()).execute("--results", results.toString(), "--profile", "quick");
            strict = new CommandLine(new ReportMain()).execute("--results", results.toString(), "--profile", "quick", "--strict");
        } finally {
            System.setOut(old);
        }
        String console = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, plain, console);
        assertEquals(ReportMain.EXIT_SKIPPED, strict, console);
        for (String rec : List.of(UNPARSABLE, TRUNCATED_TRACE, TRUNCATED_EVAL, MISSING_TRACE)) {
            assertTrue(console.contains("  " + rec + ": "), rec + " on the console:\n" + console);
        }
    }

    @Test
    void hintsNameTheActualResultsStore() throws Exception {
        Path store = tmp.resolve("my-store");
        Files.createDirectories(store);
        Report.Summary s = Report.render(store, store.resolve("report"), "ci", null);
        for (var f : s.figures()) {
            assertTrue(f.caption().contains(store.toString()) && !f.caption().contains("results/"), f.id() + ": " + f.caption());
        }
        String index = Files.readString(s.index());
        assertTrue(index.contains("./distprop experiment table1 --profile ci --results " + store), "rebuild hint");
        assertTrue(index.contains("make bench PROFILE=ci RESULTS=" + store), "bench hint");
    }

    private static long ok(String dataset, String method) {
        return summary.table().stream().filter(r -> r.dataset().equals(dataset) && r.method().equals(method))
                .mapToLong(Table1.Row::ok).max().orElse(-1);
    }
}
