package org.distprop.reports.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.distprop.reports.figures.CurveFigures;
import org.distprop.reports.figures.FigureFiles;
import org.distprop.reports.figures.Methods;
import org.distprop.reports.paper.PaperCurves;
import org.distprop.reports.paper.Scale;
import org.distprop.reports.stats.Stats;
import org.distprop.reports.store.CsvTable;
import org.distprop.reports.store.ResultsStore;
import org.distprop.reports.store.RunInfo;

/**
 * Our Fig. 2/3 MNIST curves against the authors' plotted curves, at the end of every epoch our runs
 * reach (their counter 58 per epoch, ours ceil(train size / batch) steps; {@link PaperCurves}).
 * Test error: 1 - top-1 of the evaluation at the epoch's last step. Mean |defect|: the mean of the trace's
 * batch mean |h0 defect| over the epoch's steps (theirs: the value they drew at the epoch end).
 *
 * <p>Verdict ({@link #RULE}): z = (ours - theirs) / sqrt(s_o^2 / n_o + s_t^2 / n_t), with s_t their
 * population std (half the band), n_t their runs, s_o our sample std over n_o seeds; with one seed of ours
 * s_o := s_t (same protocol, so the same seed spread is assumed). Within spread when |z| <= 2. Runs not at
 * the paper's protocol (full MNIST, batch 1,024) get one REDUCED SCALE row and no comparison.
 */
public final class CurveComparison {
    public static final String WITHIN = "within spread";
    public static final String OUTSIDE = "OUTSIDE SPREAD";
    public static final String NO_POINT = "no authors' point";
    public static final String RULE = "At each epoch end: z = (ours - theirs) / sqrt(s_o^2/n_o + s_t^2/n_t), s_t = the authors' population std"
            + " (half their band), n_t = their runs (method-spec 4.3: DistProp 9, Regularized 10, GDA 5, ExtraProp 8), s_o = our sample std"
            + " over n_o seeds (one seed: s_o = s_t, the same protocol's seed spread). 'within spread' when |z| <= 2, else OUTSIDE SPREAD."
            + " Test error at the epoch's last step; mean |defect| averaged over our epoch's steps against their value at the epoch end."
            + " Both of our configurations are compared with the authors' curve, which their code (our as-run configuration) produced."
            + " Runs not at the paper's protocol (full MNIST, batch 1,024) are REDUCED SCALE, never compared.";

    public record Row(String figure, String method, String quantity, int epoch, long step, int runs, double mean, double std,
                      int paperRuns, double paperMean, double paperStd, double z, String verdict, String note) {
    }

    private CurveComparison() {
    }

    public static List<Row> compute(ResultsStore store) {
        PaperCurves pc = PaperCurves.load();
        List<Row> out = new ArrayList<>();
        addFigure(out, store, pc, "fig3", PaperCurves.Quantity.TEST_ERROR);
        addFigure(out, store, pc, "fig2", PaperCurves.Quantity.MEAN_ABS_DEFECT);
        return out;
    }

    private static void addFigure(List<Row> out, ResultsStore store, PaperCurves pc, String figure, PaperCurves.Quantity q) {
        Map<String, ResultsStore.Cell> cells = ResultsStore.cells(store.experiment(figure)).getOrDefault("mnist", Map.of());
        String quantity = q == PaperCurves.Quantity.TEST_ERROR ? "test error" : "mean |defect|";
        for (String m : Methods.sorted(cells.keySet())) {
            PaperCurves.Curve curve = pc.forMethod(q, m);
            List<RunInfo> ok = cells.get(m).ok();
            if (curve == null || ok.isEmpty()) {
                continue;
            }
            String reduced = Scale.reducedBy(ok, 1024, 0);
            if (reduced != null) {
                out.add(new Row(figure, m, quantity, -1, -1, ok.size(), Double.NaN, Double.NaN, curve.runs(), Double.NaN, Double.NaN,
                        Double.NaN, Scale.REDUCED, reduced));
                continue;
            }
            long bpe = ok.get(0).batchesPerEpoch();
            List<Map<Integer, Double>> perRun = new ArrayList<>();
            for (RunInfo r : ok) {
                perRun.add(q == PaperCurves.Quantity.TEST_ERROR ? testErrorByEpoch(r, bpe) : defectByEpoch(r, bpe));
            }
            for (int e : perRun.get(0).keySet()) {
                if (!perRun.stream().allMatch(p -> p.containsKey(e))) {
                    continue; // every run must reach the epoch: means over the same runs at every point
                }
                double[] v = perRun.stream().mapToDouble(p -> p.get(e)).toArray();
                out.add(compare(figure, m, quantity, e, e * bpe, v, curve));
            }
        }
    }

    /** One comparison at epoch {@code e}: the rule of the class comment. */
    static Row compare(String figure, String method, String quantity, int e, long step, double[] ours, PaperCurves.Curve curve) {
        double mean = Stats.mean(ours);
        double std = ours.length >= 2 ? Stats.sampleStd(ours) : Double.NaN;
        PaperCurves.Point p = curve.atEpochEnd(e);
        if (p == null) {
            return new Row(figure, method, quantity, e, step, ours.length, mean, std, curve.runs(), Double.NaN, Double.NaN, Double.NaN,
                    NO_POINT, "");
        }
        double st = p.std();
        double so = ours.length >= 2 ? std : st;
        double se = Math.sqrt(so * so / ours.length + st * st / curve.runs());
        double diff = mean - p.mean();
        double z = se > 0 ? diff / se : diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
        String note = p.mean() != 0 && mean != 0 ? String.format(Locale.ROOT, "ours/theirs %.3g", mean / p.mean()) : "";
        return new Row(figure, method, quantity, e, step, ours.length, mean, std, curve.runs(), p.mean(), st, z,
                Math.abs(z) <= 2 ? WITHIN : OUTSIDE, note);
    }

    /** 1 - top-1 at the evaluations that end an epoch (step a multiple of the batches per epoch). */
    static Map<Integer, Double> testErrorByEpoch(RunInfo r, long bpe) {
        Map<Integer, Double> out = new TreeMap<>();
        CsvTable.Series s = CsvTable.read(r.eval()).series("step", "top1");
        for (int i = 0; i < s.size(); i++) {
            long step = (long) s.x()[i];
            if (bpe > 0 && step > 0 && step % bpe == 0) {
                out.put((int) (step / bpe), 1 - s.y()[i]);
            }
        }
        return out;
    }

    /** Mean of the per-step mean |h0 defect| over each complete epoch of the trace. */
    static Map<Integer, Double> defectByEpoch(RunInfo r, long bpe) {
        Map<Integer, Double> out = new TreeMap<>();
        CsvTable t = CsvTable.read(r.trace());
        if (!t.has(CurveFigures.DEFECT) || bpe <= 0) {
            return out;
        }
        CsvTable.Series s = t.series("step", CurveFigures.DEFECT);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < s.size(); i++) {
            long step = (long) s.x()[i];
            sum += s.y()[i];
            count++;
            if (step % bpe == 0) {
                if (count == bpe) {
                    out.put((int) (step / bpe), sum / count);
                }
                sum = 0;
                count = 0;
            }
        }
        return out;
    }

    /** Every row as CSV (curve_comparison.csv, the report's machine-readable table). */
    public static void writeCsv(Path file, List<Row> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(List.of(r.figure(), r.method(), r.quantity(), r.epoch(), r.step(), r.runs(), r.mean(), r.std(), r.paperRuns(), r.paperMean(),
                    r.paperStd(), r.z(), r.verdict(), r.note()));
        }
        FigureFiles.writeCsv(file, List.of("figure", "method", "quantity", "epoch", "step", "runs", "mean", "std", "paper_runs", "paper_mean",
                "paper_std", "z", "verdict", "note"), out);
    }

    public static String html(List<Row> rows) {
        StringBuilder sb = new StringBuilder("<table class=\"targets\">\n<caption>Fig. 2/3 (MNIST) against the authors' plotted curves, at every"
                + " epoch our runs reach (curve_comparison.csv)</caption>\n<thead><tr><th>Figure</th><th>Method</th><th>Quantity</th><th>Epoch"
                + " (our step)</th><th>Ours (n)</th><th>Authors (n)</th><th>z</th><th>Verdict</th><th>Note</th></tr></thead>\n<tbody>\n");
        if (rows.isEmpty()) {
            sb.append("<tr><td colspan=\"9\">NOT RUN: no completed fig2/fig3 MNIST run of a method the authors plotted</td></tr>\n");
        }
        for (Row r : rows) {
            sb.append("<tr class=\"").append(r.verdict().toLowerCase(Locale.ROOT).replace(' ', '-').replace("'", "")).append("\"><td>")
                    .append(r.figure()).append("</td><td>").append(TableFormats.esc(Methods.label(r.method()))).append("</td><td>")
                    .append(TableFormats.esc(r.quantity())).append("</td><td>")
                    .append(r.epoch() < 0 ? "-" : r.epoch() + " (" + r.step() + ")").append("</td><td>")
                    .append(Double.isNaN(r.mean()) ? "-" : g4(r.mean()) + (Double.isNaN(r.std()) ? "" : " ± " + g2(r.std())))
                    .append(" (").append(r.runs()).append(")</td><td>")
                    .append(Double.isNaN(r.paperMean()) ? "-" : g4(r.paperMean()) + " ± " + g2(r.paperStd()) + " (" + r.paperRuns() + ")")
                    .append("</td><td>").append(Double.isNaN(r.z()) ? "-" : String.format(Locale.ROOT, "%+.1f", r.z())).append("</td><td>")
                    .append(TableFormats.esc(r.verdict())).append("</td><td>").append(TableFormats.esc(r.note())).append("</td></tr>\n");
        }
        return sb.append("</tbody>\n</table>\n<p>").append(TableFormats.esc(RULE)).append("</p>\n").toString();
    }

    private static String g4(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String g2(double v) {
        return String.format(Locale.ROOT, "%.2g", v);
    }
}
