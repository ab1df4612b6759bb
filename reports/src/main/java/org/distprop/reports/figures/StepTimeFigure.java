package org.distprop.reports.figures;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.distprop.reports.store.ResultsStore;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Beyond the paper: milliseconds per training step per method from the JMH results
 * (results/bench/*.json, JMH's JSON format), one bar group per method, one bar per
 * (benchmark, batch size), error bars = JMH's 99.9 % confidence half-width.
 */
public final class StepTimeFigure {
    private StepTimeFigure() {
    }

    public record Score(String file, String benchmark, String method, String batchSize, String threads, double ms, double errorMs, String unit) {
    }

    public static FigureReport render(Path results, Path out) {
        String title = "Time per training step";
        List<Score> scores = read(results.resolve("bench"));
        if (scores.isEmpty()) {
            return FigureReport.notRun("step_time", title, "NOT RUN: no JMH results (results/bench/*.json; `make bench`)", List.of("bench"));
        }
        List<List<Object>> rows = new ArrayList<>();
        Set<String> methods = new LinkedHashSet<>(Methods.sorted(scores.stream().map(Score::method).distinct().toList()));
        Map<String, Map<String, Score>> bySeries = new LinkedHashMap<>();
        for (Score s : scores) {
            rows.add(List.of(s.file(), s.benchmark(), s.method(), s.batchSize(), s.threads(), s.ms(), s.errorMs(), s.unit()));
            String series = s.benchmark() + ", batch " + s.batchSize() + (s.threads().isEmpty() || s.threads().equals("0") ? "" : ", " + s.threads() + " threads");
            bySeries.computeIfAbsent(series, k -> new LinkedHashMap<>()).put(s.method(), s);
        }
        FigureFiles.writeCsv(out.resolve("step_time.csv"),
                List.of("file", "benchmark", "method", "batch_size", "threads", "ms_per_op", "error_ms_99_9", "jmh_unit"), rows);
        CategoryChart c = new CategoryChartBuilder().width(BandFigure.PANEL_W + 200).height(BandFigure.PANEL_H).title(title + " (JMH)")
                .xAxisTitle("method").yAxisTitle("time per step (ms)").build();
        Charts.style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setErrorBarsColor(java.awt.Color.BLACK);
        c.getStyler().setYAxisMin(0.0); // a CI wider than the mean must not draw a negative time axis
        // every series over the same categories (XChart's bar chart requires it); a method a series did not
        // measure gets a null value: no bar at all (a zero bar would read as "free")
        List<String> x = methods.stream().map(Methods::label).toList();
        for (var e : bySeries.entrySet()) {
            List<Double> y = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            for (String m : methods) {
                Score s = e.getValue().get(m);
                y.add(s == null ? Double.NaN : s.ms());
                err.add(s == null || Double.isNaN(s.errorMs()) ? 0.0 : s.errorMs());
            }
            c.addSeries(e.getKey(), x, y, err);
        }
        FigureFiles.writeImages(out, "step_time", BandFigure.PANEL_W + 200, BandFigure.PANEL_H, c::paint);
        return new FigureReport("step_time", title, true, "Beyond the paper: JMH average time per operation from "
                + scores.stream().map(Score::file).distinct().toList() + "; harnessStep = one full training step as a run does it,"
                + " bareSessionLoop = the same graph's training ops on a fixed batch. Error bars: JMH 99.9 % CI half-width; a missing bar = not measured.",
                List.of(), List.of("bench"));
    }

    /** Every JMH score in {@code dir}/*.json (JMH's JSON result format), in milliseconds. */
    public static List<Score> read(Path dir) {
        List<Score> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode arr = ResultsStore.JSON.readTree(f.toFile());
                for (JsonNode b : arr) {
                    String bench = b.path("benchmark").asText();
                    JsonNode pm = b.path("primaryMetric");
                    String unit = pm.path("scoreUnit").asText("ms/op");
                    double scale = toMillis(unit);
                    JsonNode err = pm.path("scoreError");
                    out.add(new Score(f.getFileName().toString(), bench.substring(bench.lastIndexOf('.') + 1),
                            b.path("params").path("method").asText("?"), b.path("params").path("batchSize").asText(""),
                            b.path("params").path("threads").asText(""), pm.path("score").asDouble() * scale,
                            err.isNumber() ? err.asDouble() * scale : Double.NaN, unit));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JMH results in " + dir, e);
        }
        return out;
    }

    /** JMH average-time units to milliseconds. */
    static double toMillis(String unit) {
        return switch (unit) {
            case "s/op" -> 1e3;
            case "ms/op" -> 1;
            case "us/op" -> 1e-3;
            case "ns/op" -> 1e-6;
            default -> throw new IllegalArgumentException("JMH unit " + unit + " is not a time per operation");
        };
    }
}
