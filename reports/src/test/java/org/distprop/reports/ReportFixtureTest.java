package org.distprop.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.distprop.reports.figures.FigureReport;
import org.distprop.reports.table.Table1;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the checked-in results fixture (src/test/resources/fixture, made by make_fixture.py) and
 * compares every figure's CSV and the table text with the expected files (not pixels). After an
 * intended change, inspect the diff of target/report-fixture/report against src/test/resources/expected.
 */
class ReportFixtureTest {
    static final List<String> COMPARED = List.of("fig2.csv", "fig3.csv", "fig4.csv", "fig4_ranges.csv", "aux_memory.csv",
            "step_time.csv", "accuracy_vs_gradient_evaluations.csv", "table1.md", "table1.tex", "table1.html");
    static final List<String> FIGURES = List.of("fig2", "fig3", "fig4", "aux_memory", "step_time", "accuracy_vs_gradient_evaluations");

    @TempDir
    static Path tmp;
    static Path results;
    static Path out;
    static Report.Summary summary;

    @BeforeAll
    static void render() throws Exception {
        results = tmp.resolve("results");
        copy(resource("fixture/results"), results);
        out = results.resolve("report");
        summary = Report.render(results, out, "quick", null);
    }

    @Test
    void figureCsvsAndTablesMatchTheExpectedFiles() throws Exception {
        for (String f : COMPARED) {
            assertEquals(Files.readString(resource("expected/" + f), StandardCharsets.UTF_8),
                    Files.readString(out.resolve(f), StandardCharsets.UTF_8), f + " differs from src/test/resources/expected/" + f);
        }
    }

    @Test
    void everyFigureHasPngSvgAndCsvAndIsEmbeddedInTheIndex() throws Exception {
        String index = Files.readString(out.resolve("index.html"));
        for (String id : FIGURES) {
            for (String ext : List.of(".png", ".svg", ".csv")) {
                assertTrue(Files.size(out.resolve(id + ext)) > 200, id + ext);
            }
            assertTrue(Files.readString(out.resolve(id + ".svg")).contains("<svg xmlns="), id + ".svg");
            assertTrue(index.contains("id=\"" + id + "\""), id + " section");
            assertTrue(index.contains("make "), "rebuild commands");
        }
        assertEquals(FIGURES.size(), index.split("data:image/png;base64,", -1).length - 1, "every PNG embedded");
        assertTrue(!index.contains("src=\"http") && !index.contains("<script"), "offline, no scripts");
        assertTrue(index.contains("Profile: <b>quick</b>"));
        assertTrue(index.contains("0123456789ab"), "provenance: git commit");
        // Fig. 2/3 against the authors' curves: the fixture's runs are at batch 64, so no comparison, and no NOT REPRODUCED
        assertTrue(index.contains("<td>fig3</td><td>DistProp (as described)</td><td>test error</td><td>-</td>"), "reduced-scale row");
        assertTrue(index.contains("REDUCED SCALE</td><td>batch 64 (paper 1024)</td>"));
        assertTrue(!index.contains("<td>NOT REPRODUCED</td>"), "reduced-scale runs are never compared with full-scale values");
    }

    @Test
    void missingCellsAreNotRunAndBadRunsAreListedNotAveraged() {
        Table1.Row reg = row("mnist", "regularized", "top1");
        assertEquals(Table1.NOT_RUN, reg.verdict());
        assertEquals(0, reg.ok());
        // DistProp MNIST: seeds 0 and 1 ok (0.9892, 0.9907 in the manifests), seed 2 diverged
        Table1.Row dp = row("mnist", "distprop", "top1");
        assertEquals(2, dp.ok());
        assertEquals((0.9892 + 0.9907) / 2, dp.mean(), 1e-12);
        assertEquals("1 diverged", dp.notOkSummary());
        assertTrue(dp.excluded().get(0).contains("seed 2 diverged: loss is NaN at step 40"));
        Table1.Row gda = row("mnist", "gda", "top1");
        assertEquals("1 failed", gda.notOkSummary());
        assertEquals(org.distprop.reports.paper.Scale.REDUCED, gda.verdict()); // batch 64, 90 steps: not the paper's protocol
        FigureReport fig2 = summary.figures().stream().filter(f -> f.id().equals("fig2")).findFirst().orElseThrow();
        assertEquals(1, fig2.excluded().size());
        assertTrue(fig2.excluded().get(0).contains("ExtraProp (as described): seed 2 diverged"));
        FigureReport fig3 = summary.figures().stream().filter(f -> f.id().equals("fig3")).findFirst().orElseThrow();
        assertTrue(fig3.excluded().stream().anyMatch(e -> e.contains("seed 2 failed")));
        assertTrue(fig3.excluded().stream().anyMatch(e -> e.contains("seed 2 running")));
        FigureReport fig4 = summary.figures().stream().filter(f -> f.id().equals("fig4")).findFirst().orElseThrow();
        assertEquals(List.of("trial 7 diverged [fig4/mnist/distprop/sw07/seed-0]", "trial 13 failed [fig4/mnist/distprop/sw13/seed-0]"),
                fig4.excluded());
    }

    @Test
    void anEmptyStoreRendersEverythingAsNotRun() {
        Path empty = tmp.resolve("empty-results");
        Report.Summary s = Report.render(empty, tmp.resolve("empty-report"), null, null);
        assertTrue(s.figures().stream().noneMatch(FigureReport::rendered));
        assertTrue(s.table().stream().allMatch(r -> r.verdict().equals(Table1.NOT_RUN) || r.verdict().equals(Table1.LITERATURE)));
        assertTrue(Files.isRegularFile(tmp.resolve("empty-report/index.html")));
    }

    @Test
    void anotherProfileSeesNoneOfTheQuickRecords() {
        Report.Summary s = Report.render(results, tmp.resolve("paper-report"), "paper", null);
        assertTrue(s.table().stream().allMatch(r -> r.ok() == 0));
        assertTrue(s.figures().stream().filter(f -> !f.id().equals("step_time")).noneMatch(FigureReport::rendered),
                "only the JMH figure (no profile in JMH JSON) renders");
    }

    private static Table1.Row row(String ds, String m, String metric) {
        return summary.table().stream().filter(r -> r.dataset().equals(ds) && r.method().equals(m) && r.metric().equals(metric))
                .findFirst().orElseThrow();
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ReportFixtureTest.class.getClassLoader().getResource(name).toURI());
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
