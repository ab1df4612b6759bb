package org.distprop.reports.table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.distprop.reports.figures.Methods;
import org.distprop.reports.paper.Scale;
import org.distprop.reports.stats.Stats;
import org.distprop.reports.store.CsvTable;
import org.distprop.reports.store.ResultsStore;
import org.distprop.reports.store.RunInfo;
import org.distprop.store.Manifest;

/**
 * Table 1 computed from results/table1/: per (dataset, method, metric) the final test accuracy over
 * completed seeds (mean, sample std, n, best), the final defect, the paper's value, the difference
 * and a verdict (rule in the claims file). Runs that are not ok are counted and listed, never averaged.
 */
public final class Table1 {
    public static final String REPRODUCED = "REPRODUCED";
    public static final String NOT_REPRODUCED = "NOT REPRODUCED";
    public static final String NOT_RUN = "NOT RUN";
    public static final String NO_PAPER_VALUE = "no paper value";
    /** An as-described row: the paper's number came from the as-run configuration, which is compared instead. */
    public static final String NOT_COMPARED = "not compared (paper ran the as-run code)";
    /** A number the paper copied from another paper (Claims.Literature): shown with its source, no verdict. */
    public static final String LITERATURE = "LITERATURE";
    /** Our run of a method the paper only cites from the literature (e.g. ImageNet DTP/DFA/FA on AlexNet). */
    public static final String NEW_MEASUREMENT = "new measurement";

    public record Row(String dataset, String method, String metric, int ok, int notOk, String notOkSummary,
                      double mean, double std, double best, double defect, double paper, String paperDefect,
                      String verdict, String note, List<String> excluded, double[] values) {
        /** Best run minus the paper's value: like with like (the paper's values are best runs of sweeps). */
        public double difference() {
            return best - paper;
        }
    }

    private Table1() {
    }

    public static List<Row> compute(ResultsStore store, Claims claims) {
        Map<String, Map<String, ResultsStore.Cell>> cells = ResultsStore.cells(store.experiment(claims.experiment()));
        List<Row> rows = new ArrayList<>();
        Set<String> claimed = new LinkedHashSet<>();
        for (Claims.Cell c : claims.cells()) {
            claimed.add(c.dataset() + "/" + c.method());
            Claims.Protocol protocol = claims.protocolOf(c.dataset());
            ResultsStore.Cell cell = cells.getOrDefault(c.dataset(), Map.of()).get(c.method());
            rows.add(row(c.dataset(), c.method(), c.metric(), cell, c.paperAccuracy(), c.paperDefect(), c.note(), claims.tolerance(), protocol));
            if (!c.asDescribed().isEmpty()) {
                claimed.add(c.dataset() + "/" + c.asDescribed());
                Row d = row(c.dataset(), c.asDescribed(), c.metric(), cells.getOrDefault(c.dataset(), Map.of()).get(c.asDescribed()),
                        c.paperAccuracy(), c.paperDefect(), c.note(), claims.tolerance(), protocol);
                rows.add(d.ok() == 0 ? d : withVerdict(d, NOT_COMPARED));
            }
        }
        addLiterature(rows, claimed, cells, claims);
        // cells we ran that the paper has no value for (e.g. OAM, DTP on MNIST): shown, no verdict
        for (String ds : cells.keySet()) {
            for (String m : Methods.sorted(cells.get(ds).keySet())) {
                if (!claimed.contains(ds + "/" + m)) {
                    rows.add(row(ds, m, "top1", cells.get(ds).get(m), Double.NaN, "", "", claims.tolerance(), claims.protocolOf(ds)));
                }
            }
        }
        return rows;
    }

    /**
     * Each literature row, after the last claimed row of its (dataset, metric), followed by our runs of its
     * {@code ours} methods as new measurements (no verdict: the literature number is another net's; NOT RUN
     * while no seed completed).
     */
    static void addLiterature(List<Row> rows, Set<String> claimed, Map<String, Map<String, ResultsStore.Cell>> cells, Claims claims) {
        for (Claims.Literature l : claims.literature()) {
            int at = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).dataset().equals(l.dataset()) && rows.get(i).metric().equals(l.metric())) {
                    at = i + 1;
                }
            }
            if (at == 0) {
                at = rows.size();
            }
            List<Row> block = new ArrayList<>();
            block.add(new Row(l.dataset(), l.label(), l.metric(), 0, 0, "", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    l.accuracy(), "-", LITERATURE, "literature, not the paper's own run: " + l.source(), List.of(), new double[0]));
            for (String m : l.ours()) {
                claimed.add(l.dataset() + "/" + m);
                Row r = row(l.dataset(), m, l.metric(), cells.getOrDefault(l.dataset(), Map.of()).get(m), Double.NaN, "", "",
                        claims.tolerance(), claims.protocolOf(l.dataset()));
                block.add(new Row(r.dataset(), r.method(), r.metric(), r.ok(), r.notOk(), r.notOkSummary(), r.mean(), r.std(), r.best(),
                        r.defect(), Double.NaN, "", r.ok() > 0 ? NEW_MEASUREMENT : NOT_RUN, "", r.excluded(), r.values()));
            }
            rows.addAll(at, block);
        }
    }

    /**
     * One row. Verdict (rule in the claims file): REDUCED SCALE when the runs are not at {@code protocol};
     * else REPRODUCED when the paper's value is within max(tolerance, 2 sample std) of our best run.
     */
    static Row row(String ds, String method, String metric, ResultsStore.Cell cell, double paper, String paperDefect,
                   String note, double tolerance, Claims.Protocol protocol) {
        List<RunInfo> ok = cell == null ? List.of() : cell.ok();
        List<RunInfo> bad = cell == null ? List.of() : cell.excluded();
        double[] acc = ok.stream().mapToDouble(r -> accuracy(r, metric)).filter(v -> !Double.isNaN(v)).toArray();
        double[] defect = ok.stream().mapToDouble(Table1::finalDefect).filter(v -> !Double.isNaN(v)).toArray();
        double mean = Stats.mean(acc);
        double std = Stats.sampleStd(acc);
        String verdict;
        String reduced;
        if (acc.length == 0) {
            verdict = Double.isNaN(paper) ? NO_PAPER_VALUE : NOT_RUN;
        } else if (Double.isNaN(paper)) {
            verdict = NO_PAPER_VALUE;
        } else if ((reduced = Scale.reducedBy(ok, protocol.batchSize(), protocol.steps())) != null) {
            verdict = Scale.REDUCED;
            note = (note.isEmpty() ? "" : note + "; ") + "not at the paper's protocol: " + reduced;
        } else {
            double allowed = Math.max(tolerance, Double.isNaN(std) ? 0 : 2 * std);
            verdict = Math.abs(Stats.max(acc) - paper) <= allowed ? REPRODUCED : NOT_REPRODUCED;
        }
        List<String> excluded = bad.stream().map(RunInfo::describeExclusion).toList();
        return new Row(ds, method, metric, acc.length, bad.size(), summary(bad), mean, std, Stats.max(acc),
                Stats.mean(defect), paper, paperDefect, verdict, note, excluded, acc);
    }

    static Row withVerdict(Row r, String verdict) {
        return new Row(r.dataset(), r.method(), r.metric(), r.ok(), r.notOk(), r.notOkSummary(), r.mean(), r.std(), r.best(), r.defect(),
                r.paper(), r.paperDefect(), verdict, r.note(), r.excluded(), r.values());
    }

    /** "1 diverged, 1 failed" */
    static String summary(List<RunInfo> bad) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        bad.forEach(r -> counts.merge(r.shownStatus(), 1L, Long::sum));
        return String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
    }

    /** Final test accuracy: the manifest's final value, else the last row of eval.csv. */
    public static double accuracy(RunInfo r, String metric) {
        double v = r.finalValue(Manifest.finalTest(metric));
        if (!Double.isNaN(v)) {
            return v;
        }
        CsvTable.Series s = CsvTable.read(r.eval()).series("step", metric);
        return s.size() == 0 ? Double.NaN : s.y()[s.size() - 1];
    }

    /** Final batch mean |defect| of split 0: the manifest's final value, else the trace's last value. */
    static double finalDefect(RunInfo r) {
        double v = r.finalValue(Manifest.FINAL_MEAN_ABS_DEFECT);
        if (!Double.isNaN(v)) {
            return v;
        }
        CsvTable.Series s = CsvTable.read(r.trace()).series("step", "h0_mean_abs_defect");
        return s.size() == 0 ? Double.NaN : s.y()[s.size() - 1];
    }
}
