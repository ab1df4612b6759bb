package org.distprop.reports.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.distprop.reports.stats.Band;
import org.distprop.reports.store.CsvTable;
import org.distprop.reports.store.ResultsStore;
import org.distprop.reports.store.RunInfo;
import org.knowm.xchart.XYChart;

/**
 * Curves with mean +- std bands across runs, one panel per dataset, one line per method: the shape of
 * Fig. 2, Fig. 3 and the accuracy-vs-gradient-evaluations figure. The CSV holds every aggregated point
 * and says which ones are drawn (a log axis cannot draw a mean <= 0, e.g. tabular methods' zero defect
 * at step 0; the lower band edge is clamped to a floor a decade below the smallest drawn mean).
 */
final class BandFigure {
    static final int PANEL_W = 720;
    static final int PANEL_H = 500;

    record Spec(String id, String title, String experiment, String datasetOnly, String xTitle, String yTitle,
                boolean logY, Function<RunInfo, CsvTable.Series> curve, String rule) {
    }

    private BandFigure() {
    }

    static FigureReport render(ResultsStore store, Path out, Spec spec) {
        Map<String, Map<String, ResultsStore.Cell>> cells = ResultsStore.cells(store.experiment(spec.experiment()));
        List<String> excluded = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<XYChart> panels = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        int maxLines = 0;
        for (String ds : datasets(cells.keySet())) {
            if (spec.datasetOnly() != null && !spec.datasetOnly().equals(ds)) {
                continue;
            }
            Map<String, ResultsStore.Cell> byMethod = cells.get(ds);
            List<String> methods = Methods.sorted(byMethod.keySet());
            List<Band> bands = new ArrayList<>();
            List<String> drawn = new ArrayList<>();
            for (String m : methods) {
                Band b = Curves.band(byMethod.get(m), spec.curve(), excluded);
                if (b == null || b.size() == 0) {
                    skipped.add(Methods.datasetLabel(ds) + " " + Methods.label(m));
                    continue;
                }
                bands.add(b);
                drawn.add(m);
            }
            if (bands.isEmpty()) {
                continue;
            }
            double floor = spec.logY() ? logFloor(bands) : Double.NEGATIVE_INFINITY;
            XYChart c = Charts.xy(spec.title() + " - " + Methods.datasetLabel(ds), spec.xTitle(), spec.yTitle(), PANEL_W, PANEL_H);
            c.getStyler().setYAxisLogarithmic(spec.logY());
            // a curve inside about one decade gets one label with decade-only ticks: label 2x, 3x, ... there as well
            c.getStyler().setYAxisLogarithmicDecadeOnly(!spec.logY() || decades(bands) > 1.3);
            List<Runnable> lines = new ArrayList<>();
            List<String> notDrawable = new ArrayList<>();
            for (int k = 0; k < bands.size(); k++) {
                Band b = bands.get(k);
                String m = drawn.get(k);
                List<double[]> pts = new ArrayList<>();
                for (int i = 0; i < b.size(); i++) {
                    boolean plotted = !spec.logY() || b.mean()[i] > 0;
                    double lo = Math.max(b.mean()[i] - b.std()[i], floor);
                    double hi = b.mean()[i] + b.std()[i];
                    rows.add(List.of(ds, m, b.x()[i], b.mean()[i], b.std()[i], (double) b.runs(), lo, hi, plotted));
                    if (plotted) {
                        pts.add(new double[] {b.x()[i], b.mean()[i], lo, hi});
                    }
                }
                if (pts.isEmpty()) {
                    skipped.add(Methods.datasetLabel(ds) + " " + Methods.label(m) + " (no positive value on a log axis)");
                    notDrawable.add(Methods.label(m) + " (n=" + b.runs() + ")");
                    continue;
                }
                double[] x = col(pts, 0);
                Charts.band(c, Methods.label(m), Methods.color(m), x, col(pts, 2), col(pts, 3));
                String name = Methods.label(m) + " (n=" + b.runs() + ")";
                double[] y = col(pts, 1);
                lines.add(() -> Charts.line(c, name, Methods.color(m), x, y));
            }
            lines.forEach(Runnable::run); // lines after all bands, so no band hides a line
            Charts.niceXTicks(c);
            if (!notDrawable.isEmpty()) { // say so on the figure itself: an absent line must not read as "not run"
                Charts.note(c, "Not drawable on the log axis: " + String.join(", ", notDrawable) + "\n"
                        + "every logged value is 0 (e.g. all defects within the margin)");
            }
            maxLines = Math.max(maxLines, lines.size());
            panels.add(c);
        }
        if (maxLines > 4) { // a horizontal legend of more entries runs off the panel; same layout in every panel
            for (XYChart c : panels) {
                c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
                c.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
            }
        }
        if (panels.isEmpty()) {
            return FigureReport.notRun(spec.id(), spec.title(), "NOT RUN: no completed run with this curve under "
                    + store.root().resolve(spec.experiment()) + "/" + (excluded.isEmpty() ? "" : " (" + excluded.size() + " run(s) not ok)"), List.of(spec.experiment()));
        }
        FigureFiles.writeCsv(out.resolve(spec.id() + ".csv"),
                List.of("dataset", "method", "x", "mean", "std", "runs", "lower_plotted", "upper_plotted", "plotted"), rows);
        FigureFiles.writeImages(out, spec.id(), PANEL_W * panels.size(), PANEL_H, Charts.row(panels));
        String caption = spec.rule() + " Line = mean, band = mean +- population std across completed runs (n in the legend),"
                + " runs truncated to the steps they all reached." + (skipped.isEmpty() ? "" : " Not drawn: " + String.join(", ", skipped) + ".")
                + " " + Curves.exclusionNote(excluded);
        return new FigureReport(spec.id(), spec.title(), true, caption, excluded, List.of(spec.experiment()));
    }

    /** Datasets in the paper's order first. */
    static List<String> datasets(java.util.Collection<String> ds) {
        List<String> order = List.of("mnist", "cifar10", "imagenet");
        return ds.stream().sorted(java.util.Comparator.<String>comparingInt(d -> order.contains(d) ? order.indexOf(d) : order.size())
                .thenComparing(d -> d)).toList();
    }

    /** Decades spanned by the positive means (0 if none). */
    private static double decades(List<Band> bands) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (Band b : bands) {
            for (double v : b.mean()) {
                if (v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return max > 0 ? Math.log10(max / min) : 0;
    }

    private static double logFloor(List<Band> bands) {
        double min = Double.POSITIVE_INFINITY;
        for (Band b : bands) {
            for (double v : b.mean()) {
                if (v > 0) {
                    min = Math.min(min, v);
                }
            }
        }
        return Double.isInfinite(min) ? 1e-12 : min / 10;
    }

    private static double[] col(List<double[]> pts, int i) {
        return pts.stream().mapToDouble(p -> p[i]).toArray();
    }
}
