package org.distprop.reports.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.awt.Color;
import org.distprop.reports.paper.PaperCurves;
import org.distprop.reports.paper.Scale;
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

    /**
     * {@code paper}: the authors' curve of this quantity to overlay on the MNIST panel (null: none);
     * {@code paperAsAccuracy}: they plotted the error, we plot 1 - error.
     */
    record Spec(String id, String title, String experiment, String datasetOnly, String xTitle, String yTitle,
                boolean logY, Function<RunInfo, CsvTable.Series> curve, String rule, PaperCurves.Quantity paper,
                boolean paperAsAccuracy) {
        Spec(String id, String title, String experiment, String datasetOnly, String xTitle, String yTitle,
             boolean logY, Function<RunInfo, CsvTable.Series> curve, String rule) {
            this(id, title, experiment, datasetOnly, xTitle, yTitle, logY, curve, rule, null, false);
        }
    }

    /** The paper's MNIST batch size: the authors' curves are drawn only beside runs at it, on the full data. */
    static final int PAPER_BATCH = 1024;

    private BandFigure() {
    }

    static FigureReport render(ResultsStore store, Path out, Spec spec) {
        Map<String, Map<String, ResultsStore.Cell>> cells = ResultsStore.cells(store.experiment(spec.experiment()));
        List<String> excluded = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> paperNotes = new ArrayList<>();
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
            List<PaperLine> paperLines = new ArrayList<>();
            if (spec.paper() != null && ds.equals("mnist")) {
                String reduced = paperOverlay(spec, byMethod, drawn, bands, paperLines);
                if (reduced != null) {
                    paperNotes.add("The authors' curves are not drawn on the MNIST panel: these runs are at reduced scale (" + reduced
                            + "), so their steps are not the paper's.");
                }
            }
            List<Band> scaleBands = new ArrayList<>(bands);
            paperLines.forEach(l -> scaleBands.add(l.asBand()));
            double floor = spec.logY() ? logFloor(scaleBands) : Double.NEGATIVE_INFINITY;
            XYChart c = Charts.xy(spec.title() + " - " + Methods.datasetLabel(ds), spec.xTitle(), spec.yTitle(), PANEL_W, PANEL_H);
            c.getStyler().setYAxisLogarithmic(spec.logY());
            // a curve inside about one decade gets one label with decade-only ticks: label 2x, 3x, ... there as well
            c.getStyler().setYAxisLogarithmicDecadeOnly(!spec.logY() || decades(scaleBands) > 1.3);
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
            for (PaperLine l : paperLines) {
                List<double[]> pts = new ArrayList<>();
                for (int i = 0; i < l.x().length; i++) {
                    boolean plotted = !spec.logY() || l.mean()[i] > 0;
                    double lo = Math.max(l.low()[i], floor);
                    rows.add(List.of(ds, "paper:" + l.series(), l.x()[i], l.mean()[i], (l.high()[i] - l.low()[i]) / 2, (double) l.runs(),
                            lo, l.high()[i], plotted));
                    if (plotted) {
                        pts.add(new double[] {l.x()[i], l.mean()[i], lo, l.high()[i]});
                    }
                }
                if (pts.isEmpty()) {
                    continue;
                }
                double[] x = col(pts, 0);
                // the colour of our configuration that runs the authors' code
                Color colour = Methods.color(PaperCurves.HAS_AS_RUN.contains(l.series()) ? l.series() + PaperCurves.AS_RUN_SUFFIX : l.series());
                Charts.band(c, "paper " + l.series(), colour, x, col(pts, 2), col(pts, 3));
                double[] y = col(pts, 1);
                lines.add(() -> Charts.dashedLine(c, "authors: " + Methods.baseLabel(l.series()) + ", their code (n=" + l.runs() + ")", colour, x, y));
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
                + " " + Curves.exclusionNote(excluded)
                + (spec.paper() == null ? "" : paperNotes.isEmpty() ? " Dashed lines and their bands: the authors' plotted curves (mean +- population std"
                        + " over their runs, their code = our as-run configuration), placed by epoch (their counter 58 per epoch, ours "
                        + "ceil(train size / batch) steps per epoch), drawn over the epochs our runs reach." : " " + String.join(" ", paperNotes));
        return new FigureReport(spec.id(), spec.title(), true, caption, excluded, List.of(spec.experiment()));
    }

    /** One of the authors' curves mapped onto our x axis (steps at our batches per epoch). */
    record PaperLine(String series, int runs, double[] x, double[] mean, double[] low, double[] high) {
        Band asBand() {
            double[] std = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                std[i] = (high[i] - low[i]) / 2;
            }
            return new Band(x, mean, std, runs);
        }
    }

    /**
     * Adds the authors' curves for the methods drawn on this panel to {@code out}, at the epochs our runs
     * reach; returns why not (reduced scale) or null.
     */
    private static String paperOverlay(Spec spec, Map<String, ResultsStore.Cell> byMethod, List<String> drawn, List<Band> bands,
                                       List<PaperLine> out) {
        List<RunInfo> runs = drawn.stream().flatMap(m -> byMethod.get(m).ok().stream()).toList();
        String reduced = Scale.reducedBy(runs, PAPER_BATCH, 0);
        if (reduced != null || runs.isEmpty()) {
            return reduced;
        }
        long bpe = runs.get(0).batchesPerEpoch();
        double maxX = bands.stream().mapToDouble(b -> b.x()[b.size() - 1]).max().orElse(0);
        PaperCurves pc = PaperCurves.load();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (String m : drawn) {
            PaperCurves.Curve curve = pc.forMethod(spec.paper(), m);
            if (curve == null || !done.add(curve.series())) {
                continue;
            }
            List<PaperCurves.Point> pts = curve.points().stream().filter(p -> p.epoch() * bpe <= maxX + 1e-9).toList();
            int n = pts.size();
            double[] x = new double[n], mean = new double[n], low = new double[n], high = new double[n];
            for (int i = 0; i < n; i++) {
                PaperCurves.Point p = pts.get(i);
                x[i] = p.epoch() * bpe;
                mean[i] = spec.paperAsAccuracy() ? 1 - p.mean() : p.mean();
                low[i] = spec.paperAsAccuracy() ? 1 - p.high() : p.low();
                high[i] = spec.paperAsAccuracy() ? 1 - p.low() : p.high();
            }
            if (n > 0) {
                out.add(new PaperLine(curve.series(), curve.runs(), x, mean, low, high));
            }
        }
        return null;
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
