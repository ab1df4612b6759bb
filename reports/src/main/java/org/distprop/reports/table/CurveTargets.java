package org.distprop.reports.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.distprop.reports.figures.CurveFigures;
import org.distprop.reports.figures.Methods;
import org.distprop.reports.stats.Stats;
import org.distprop.reports.store.CsvTable;
import org.distprop.reports.store.ResultsStore;
import org.distprop.reports.store.RunInfo;

/**
 * The paper's Fig. 2/3 values at one iteration (claims file "curve_targets") next to ours: per completed
 * run the value at its last logged step <= the target step, then mean and population std over runs.
 */
public final class CurveTargets {
    public record Target(String figure, String dataset, String method, long step, String quantity, double paper) {
    }

    public record Result(Target target, int runs, double ourStep, double mean, double std) {
        public String text() {
            return runs == 0 ? "NOT RUN" : String.format(Locale.ROOT, "%.4g ± %.2g at step %d (n=%d)%s", mean, std, (long) ourStep, runs,
                    ourStep < target.step() ? "; runs end before step " + target.step() : "");
        }
    }

    private CurveTargets() {
    }

    public static List<Target> load(Path claimsFile) {
        try (InputStream in = claimsFile == null ? CurveTargets.class.getResourceAsStream(Claims.RESOURCE) : Files.newInputStream(claimsFile)) {
            List<Target> out = new ArrayList<>();
            for (JsonNode t : ResultsStore.JSON.readTree(in).path("curve_targets")) {
                out.add(new Target(t.path("figure").asText(), t.path("dataset").asText(), t.path("method").asText(), t.path("step").asLong(),
                        t.path("quantity").asText(), t.path("paper").asDouble()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Result> compute(ResultsStore store, List<Target> targets) {
        List<Result> out = new ArrayList<>();
        for (Target t : targets) {
            Map<String, Map<String, ResultsStore.Cell>> cells = ResultsStore.cells(store.experiment(t.figure()));
            ResultsStore.Cell cell = cells.getOrDefault(t.dataset(), Map.of()).get(t.method());
            List<Double> values = new ArrayList<>();
            double step = Double.NaN;
            for (RunInfo r : cell == null ? List.<RunInfo>of() : cell.ok()) {
                CsvTable.Series s = t.quantity().equals("test_error")
                        ? CsvTable.read(r.eval()).series("step", "top1") : CsvTable.read(r.trace()).series("step", CurveFigures.DEFECT);
                for (int i = s.size() - 1; i >= 0; i--) {
                    if (s.x()[i] <= t.step()) {
                        values.add(t.quantity().equals("test_error") ? 1 - s.y()[i] : s.y()[i]);
                        step = Double.isNaN(step) ? s.x()[i] : Math.min(step, s.x()[i]);
                        break;
                    }
                }
            }
            double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
            out.add(new Result(t, v.length, step, Stats.mean(v), Stats.populationStd(v)));
        }
        return out;
    }

    public static String html(List<Result> results, String note) {
        StringBuilder sb = new StringBuilder("<table class=\"targets\">\n<caption>Fig. 2/3 values at the paper's iteration</caption>\n"
                + "<thead><tr><th>Figure</th><th>Dataset</th><th>Method</th><th>Quantity</th><th>Paper (step)</th><th>Ours</th></tr></thead>\n<tbody>\n");
        for (Result r : results) {
            Target t = r.target();
            sb.append("<tr><td>").append(t.figure()).append("</td><td>").append(Methods.datasetLabel(t.dataset())).append("</td><td>")
                    .append(Methods.label(t.method())).append("</td><td>").append(t.quantity().replace('_', ' ')).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.4g (%d)", t.paper(), t.step())).append("</td><td>")
                    .append(TableFormats.esc(r.text())).append("</td></tr>\n");
        }
        return sb.append("</tbody>\n</table>\n<p>").append(TableFormats.esc(note)).append("</p>\n").toString();
    }
}
