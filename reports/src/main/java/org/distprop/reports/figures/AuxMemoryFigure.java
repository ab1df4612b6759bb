package org.distprop.reports.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.distprop.reports.stats.Stats;
import org.distprop.reports.store.ResultsStore;
import org.distprop.reports.store.RunInfo;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Beyond the paper: auxiliary memory vs training-set size |D| (the paper's scalability claim: ExtraProp's
 * tabular states and multipliers grow with |D|, DistProp's class prototypes do not). Left: auxiliary
 * variables x 4 bytes (float32) from the manifests; right: measured peak RSS of the run's process.
 */
public final class AuxMemoryFigure {
    static final double MIB = 1024.0 * 1024.0;

    private AuxMemoryFigure() {
    }

    public static FigureReport render(ResultsStore store, Path out) {
        String title = "Auxiliary memory vs |D|";
        Map<String, Map<String, ResultsStore.Cell>> cells = ResultsStore.cells(store.experiment("scaling"));
        List<String> excluded = new ArrayList<>();
        XYChart aux = Charts.xy("Auxiliary variables (states + multipliers)", "training examples |D| (log)", "auxiliary memory (MiB, float32, log)",
                BandFigure.PANEL_W, BandFigure.PANEL_H);
        XYChart rss = Charts.xy("Peak resident memory of the run", "training examples |D| (log)", "peak RSS (MiB)",
                BandFigure.PANEL_W, BandFigure.PANEL_H);
        aux.getStyler().setYAxisLogarithmic(true);
        // RSS is dominated by the JVM and TensorFlow: a narrow range, which a log axis labels badly
        rss.getStyler().setYAxisDecimalPattern("#,##0");
        for (XYChart c : List.of(aux, rss)) {
            c.getStyler().setXAxisLogarithmic(true);
            c.getStyler().setXAxisDecimalPattern("#,##0");
            c.getStyler().setMarkerSize(8);
        }
        List<List<Object>> rows = new ArrayList<>();
        int drawn = 0;
        for (String ds : BandFigure.datasets(cells.keySet())) {
            for (String m : Methods.sorted(cells.get(ds).keySet())) {
                ResultsStore.Cell cell = cells.get(ds).get(m);
                cell.excluded().forEach(r -> excluded.add(Methods.label(m) + ": " + r.describeExclusion()));
                // one configuration per |D| in a scaling sweep: group the ok runs of every config of this cell by
                // (variant, |D|); a variant is a setting that changes what grows with |D| (DistProp's multipliers)
                TreeMap<String, TreeMap<Double, List<RunInfo>>> byVariant = new TreeMap<>();
                List<RunInfo> runs = new ArrayList<>(cell.ok());
                cell.superseded().stream().filter(RunInfo::ok).forEach(runs::add);
                for (RunInfo r : runs) {
                    if (!Double.isNaN(r.trainSize())) {
                        byVariant.computeIfAbsent(variant(r), k -> new TreeMap<>()).computeIfAbsent(r.trainSize(), k -> new ArrayList<>()).add(r);
                    }
                }
                for (var v : byVariant.entrySet()) {
                    TreeMap<Double, List<RunInfo>> bySize = v.getValue();
                    List<double[]> auxPts = new ArrayList<>();
                    List<double[]> rssPts = new ArrayList<>();
                    for (var e : bySize.entrySet()) {
                        double a = Stats.mean(e.getValue().stream().mapToDouble(RunInfo::auxiliaryVariables).filter(x -> !Double.isNaN(x)).toArray());
                        double p = Stats.mean(e.getValue().stream().mapToDouble(RunInfo::peakRssBytes).filter(x -> !Double.isNaN(x)).toArray());
                        rows.add(List.of(ds, m, v.getKey(), e.getKey(), (double) e.getValue().size(), a, a * 4 / MIB, p / MIB));
                        if (a > 0) {
                            auxPts.add(new double[] {e.getKey(), a * 4 / MIB});
                        }
                        if (p > 0) {
                            rssPts.add(new double[] {e.getKey(), p / MIB});
                        }
                    }
                    String name = Methods.label(m) + (v.getKey().isEmpty() ? "" : " (" + v.getKey() + ")")
                            + (cells.size() > 1 ? " " + Methods.datasetLabel(ds) : "");
                    if (!auxPts.isEmpty()) {
                        series(aux, name, m, auxPts);
                        drawn++;
                    }
                    if (!rssPts.isEmpty()) {
                        series(rss, name, m, rssPts);
                        drawn++;
                    }
                }
            }
        }
        if (drawn == 0) {
            return FigureReport.notRun("aux_memory", title, "NOT RUN: no completed run under " + store.root().resolve("scaling") + "/ with auxiliary variables", List.of("scaling"));
        }
        FigureFiles.writeCsv(out.resolve("aux_memory.csv"),
                List.of("dataset", "method", "variant", "train_size", "runs", "auxiliary_variables", "auxiliary_mib", "peak_rss_mib"), rows);
        List<XYChart> panels = new ArrayList<>();
        if (!aux.getSeriesMap().isEmpty()) {
            panels.add(aux);
        }
        if (!rss.getSeriesMap().isEmpty()) {
            panels.add(rss);
        }
        FigureFiles.writeImages(out, "aux_memory", BandFigure.PANEL_W * panels.size(), BandFigure.PANEL_H, Charts.row(panels));
        String caption = "Beyond the paper: auxiliary variables x 4 bytes and peak RSS vs |D| from " + store.root().resolve("scaling") + "/ manifests"
                + " (mean over completed seeds per |D|; methods with no auxiliary variables are not drawn on the log axis). "
                + Curves.exclusionNote(excluded);
        return new FigureReport("aux_memory", title, true, caption, excluded, List.of("scaling"));
    }

    /** "" for a method's default; "per-class multipliers" for DistProp run as the paper's Algorithm 1 writes it. */
    static String variant(RunInfo r) {
        return "per_class".equals(r.manifest().path("config").path("multipliers").asText("")) ? "per-class multipliers" : "";
    }

    private static void series(XYChart c, String name, String method, List<double[]> pts) {
        boolean dashed = name.contains("(");
        var s = c.addSeries(name, pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray());
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(Methods.color(method));
        s.setLineColor(Methods.color(method));
        if (dashed) {
            s.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
            s.setMarker(SeriesMarkers.DIAMOND);
        }
    }
}
