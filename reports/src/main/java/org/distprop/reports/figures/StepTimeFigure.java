package org.distprop.reports.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.distprop.reports.store.ResultsStore;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.distprop.store.BenchFiles;

/**
 * Beyond the paper: milliseconds per training step per method from the JMH results of StepBenchmark.pairedStep
 * ({@link PairedSteps}, results/bench/*.json), one bar group per method, one bar per (series, batch size): the
 * method's training step as a run does it, and for SGD also its bare session loop. No error bars: the counters are
 * totals; their per-iteration spread is the ratio range of `make bench`'s table.
 */
public final class StepTimeFigure {
    static final String STEP = "step";
    static final String BARE = "SGD bare loop";

    private StepTimeFigure() {
    }

    public static FigureReport render(Path results, Path out) {
        String title = "Time per training step";
        List<PairedSteps.Pair> pairs = PairedSteps.read(results.resolve(BenchFiles.DIR));
        if (pairs.isEmpty()) {
            return FigureReport.notRun("step_time", title, "NOT RUN: no StepBenchmark results (" + results.resolve(BenchFiles.DIR) + "/*.json; `make bench"
                    + (ResultsStore.isDefaultRoot(results) ? "" : " RESULTS=" + results) + "`)",
                    List.of("bench"));
        }
        List<List<Object>> rows = new ArrayList<>();
        Set<String> methods = new LinkedHashSet<>(Methods.sorted(pairs.stream().map(PairedSteps.Pair::method).distinct().toList()));
        Map<String, Map<String, Double>> bySeries = new LinkedHashMap<>(); // series -> method -> ms per step
        for (PairedSteps.Pair p : pairs) {
            rows.add(List.of(p.file(), STEP, p.method(), p.batchSize(), p.threads(), p.methodMsPerStep(), p.pairs()));
            bySeries.computeIfAbsent(STEP + ", batch " + p.batchSize(), k -> new LinkedHashMap<>()).put(p.method(), p.methodMsPerStep());
            if (p.method().equals("sgd")) { // sgd's reference is its bare session loop
                rows.add(List.of(p.file(), BARE, p.method(), p.batchSize(), p.threads(), p.referenceMsPerStep(), p.pairs()));
                bySeries.computeIfAbsent(BARE + ", batch " + p.batchSize(), k -> new LinkedHashMap<>()).put(p.method(), p.referenceMsPerStep());
            }
        }
        FigureFiles.writeCsv(out.resolve("step_time.csv"), List.of("file", "series", "method", "batch_size", "threads", "ms_per_step", "steps"), rows);
        CategoryChart c = new CategoryChartBuilder().width(BandFigure.PANEL_W + 200).height(BandFigure.PANEL_H).title(title + " (JMH)")
                .xAxisTitle("method").yAxisTitle("time per step (ms)").build();
        Charts.style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setYAxisMin(0.0);
        // every series over the same categories (XChart's bar chart requires it); a method a series did not
        // measure gets NaN: no bar at all (a zero bar would read as "free")
        List<String> x = methods.stream().map(Methods::label).toList();
        for (var e : bySeries.entrySet()) {
            List<Double> y = methods.stream().map(m -> e.getValue().getOrDefault(m, Double.NaN)).toList();
            c.addSeries(e.getKey(), x, y);
        }
        FigureFiles.writeImages(out, "step_time", BandFigure.PANEL_W + 200, BandFigure.PANEL_H, c::paint);
        return new FigureReport("step_time", title, true, "Beyond the paper: JMH StepBenchmark.pairedStep from "
                + pairs.stream().map(PairedSteps.Pair::file).distinct().toList() + "; \"" + STEP + "\" = one full training step as a"
                + " run does it (measured alternately with an SGD step; ratios in " + results.resolve(BenchFiles.DIR).resolve("step_ratios.csv") + "), \"" + BARE + "\" ="
                + " SGD's training ops on a fixed batch (the harness overhead's reference). A missing bar = not measured.",
                List.of(), List.of("bench"));
    }
}
