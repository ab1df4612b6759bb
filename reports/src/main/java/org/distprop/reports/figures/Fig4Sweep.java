package org.distprop.reports.figures;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fig. 4: parallel coordinates of the DistProp sweep and, beside it, the computed table of each
 * hyperparameter's range over the trials whose accuracy is within 10 % of the best (accuracy >=
 * 0.9 x best; the paper's "103 of 170 within 10 % of the best, accuracy > 89 %"). Failed and
 * diverged trials are not drawn and are listed.
 */
public final class Fig4Sweep {
    public static final double WITHIN = 0.10;
    public static final double TOP_FRACTION = 0.10;
    static final int WIDTH = 1560;
    static final int HEIGHT = 640;
    static final int TABLE_WIDTH = 520;

    private Fig4Sweep() {
    }

    /** One row of the robust-range table. */
    public record Range(String parameter, String kind, String minWithin, String maxWithin, String minAll, String maxAll) {
    }

    /** Fig. 4 of the as-described DistProp sweep (experiment fig4). */
    public static FigureReport render(Path results, String profile, Path out) {
        return render(results, profile, out, "fig4", "fig4", "Fig. 4: DistProp (as described) hyperparameter sweep");
    }

    /**
     * Fig. 4 of the sweep in {@code experiment} (fig4: DistProp as described; fig4-asrun: as run, the paper's
     * configuration), written as {@code id}.png/svg/csv and {@code id}_ranges.csv.
     */
    public static FigureReport render(Path results, String profile, Path out, String experiment, String id, String title) {
        SweepHistory h = SweepHistory.find(results, experiment, profile);
        if (h == null || h.trials().isEmpty()) {
            return FigureReport.notRun(id, title, "NOT RUN: no sweep history (" + results.resolve(experiment) + "/**/history.jsonl)", List.of(experiment));
        }
        List<SweepHistory.Trial> ok = h.trials().stream().filter(SweepHistory.Trial::ok).toList();
        List<String> excluded = h.trials().stream().filter(t -> !t.ok())
                .map(t -> "trial " + t.trial() + " " + t.status() + (t.record() == null ? "" : " [" + t.record() + "]")).toList();
        if (ok.isEmpty()) {
            return new FigureReport(id, title, false, "NOT RUN: the sweep has no completed trial", excluded, List.of(experiment));
        }
        Set<String> names = new LinkedHashSet<>();
        ok.forEach(t -> names.addAll(t.params().keySet()));
        List<Axis> axes = new ArrayList<>();
        for (String n : names) {
            axes.add(Axis.of(n, ok.stream().map(t -> t.params().get(n)).filter(v -> v != null && !v.isNull()).toList()));
        }
        double best = ok.stream().mapToDouble(SweepHistory.Trial::objective).max().orElseThrow();
        double threshold = (1 - WITHIN) * best;
        List<SweepHistory.Trial> within = ok.stream().filter(t -> t.objective() >= threshold).toList();
        int topK = Math.max(1, (int) Math.ceil(TOP_FRACTION * ok.size()));
        Set<Integer> top = new LinkedHashSet<>();
        ok.stream().sorted(Comparator.comparingDouble(SweepHistory.Trial::objective).reversed()).limit(topK)
                .forEach(t -> top.add(t.trial()));
        double accLo = ok.stream().mapToDouble(SweepHistory.Trial::objective).min().orElseThrow();
        Axis acc = Axis.numeric("test accuracy", accLo, best);
        List<Axis> all = new ArrayList<>(axes);
        all.add(acc);

        List<ParallelCoordinates.Line> lines = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (SweepHistory.Trial t : h.trials()) {
            List<Object> row = new ArrayList<>(List.of((double) t.trial(), t.status()));
            for (String n : names) {
                JsonNode v = t.params().get(n);
                row.add(v == null || v.isNull() ? null : v.isNumber() ? (Object) v.asDouble() : v.asText());
            }
            row.add(t.objective());
            row.add(t.ok() && top.contains(t.trial()));
            row.add(t.ok() && t.objective() >= threshold);
            rows.add(row);
            if (!t.ok()) {
                continue;
            }
            double[] pos = new double[all.size()];
            for (int i = 0; i < axes.size(); i++) {
                JsonNode v = t.params().get(axes.get(i).name());
                pos[i] = v == null || v.isNull() ? 0 : axes.get(i).position(v);
            }
            pos[axes.size()] = acc.position(t.objective());
            lines.add(new ParallelCoordinates.Line(pos, t.objective(), top.contains(t.trial())));
        }
        List<String> header = new ArrayList<>(List.of("trial", "status"));
        header.addAll(names);
        header.addAll(List.of("objective", "top10pct", "within10pct_of_best"));
        FigureFiles.writeCsv(out.resolve(id + ".csv"), header, rows);

        List<Range> ranges = ranges(axes, ok, within);
        List<List<Object>> rrows = new ArrayList<>();
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"parameter", "min", "max", "swept min", "swept max"});
        for (Range r : ranges) {
            rrows.add(List.of(r.parameter(), r.kind(), r.minWithin(), r.maxWithin(), r.minAll(), r.maxAll()));
            table.add(new String[] {r.parameter(), r.minWithin(), r.maxWithin(), r.minAll(), r.maxAll()});
        }
        FigureFiles.writeCsv(out.resolve(id + "_ranges.csv"),
                List.of("parameter", "axis", "min_within_10pct", "max_within_10pct", "min_swept", "max_swept"), rrows);

        String tableTitle = String.format(Locale.ROOT, "Range of each hyperparameter where accuracy >= 0.9 x best (%.4f): %d of %d completed trials",
                best, within.size(), ok.size());
        String legend = String.format(Locale.ROOT, "%d trials, %d completed, %d not (not drawn). Colour = test accuracy;"
                + " thick lines = top 10 %% (%d %s, accuracy >= %.4f).", h.trials().size(), ok.size(), excluded.size(), topK,
                topK == 1 ? "trial" : "trials",
                ok.stream().mapToDouble(SweepHistory.Trial::objective).sorted().skip(ok.size() - topK).findFirst().orElse(best));
        FigureFiles.writeImages(out, id, WIDTH, HEIGHT,
                new ParallelCoordinates(title + " (" + h.trials().size() + " trials)", all, lines, legend, tableTitle, table, TABLE_WIDTH));
        String caption = title + ": one polyline per completed trial of " + h.file().getFileName() + " (" + rel(results, h.file())
                + "), learning-rate axes logarithmic, accuracy axis last. " + legend + " Table (also fig4_ranges.csv): "
                + tableTitle + ". " + (excluded.isEmpty() ? "No trial was excluded." : excluded.size() + " trial(s) failed or diverged, listed below.");
        return new FigureReport(id, title, true, caption, excluded, List.of(experiment));
    }

    static List<Range> ranges(List<Axis> axes, List<SweepHistory.Trial> ok, List<SweepHistory.Trial> within) {
        List<Range> out = new ArrayList<>();
        for (Axis a : axes) {
            String[] w = span(a, within);
            String[] s = span(a, ok);
            out.add(new Range(a.name(), a.kind().name().toLowerCase(Locale.ROOT), w[0], w[1], s[0], s[1]));
        }
        return out;
    }

    /** {min, max} of a parameter over trials; categorical parameters list the values present ("32|256"). */
    private static String[] span(Axis a, List<SweepHistory.Trial> trials) {
        List<JsonNode> v = trials.stream().map(t -> t.params().get(a.name())).filter(x -> x != null && !x.isNull()).toList();
        if (v.isEmpty()) {
            return new String[] {"", ""};
        }
        if (a.kind() == Axis.Kind.CATEGORICAL) {
            java.util.Set<String> present = new java.util.HashSet<>(v.stream().map(x -> x.isNumber() ? Axis.format(x.asDouble()) : x.asText()).toList());
            String cats = String.join("|", a.categories().stream().filter(present::contains).toList());
            return new String[] {cats, cats};
        }
        double lo = v.stream().mapToDouble(JsonNode::asDouble).min().orElseThrow();
        double hi = v.stream().mapToDouble(JsonNode::asDouble).max().orElseThrow();
        return new String[] {Axis.format(lo), Axis.format(hi)};
    }

    private static String rel(Path results, Path f) {
        try {
            return results.resolve(results.relativize(f)).toString();
        } catch (IllegalArgumentException e) {
            return f.toString();
        }
    }
}
