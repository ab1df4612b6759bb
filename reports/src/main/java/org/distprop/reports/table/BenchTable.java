package org.distprop.reports.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.distprop.reports.figures.FigureFiles;
import org.distprop.reports.figures.Methods;
import org.distprop.reports.figures.StepTimeFigure;
import org.distprop.reports.figures.StepTimeFigure.Score;

/**
 * The table `make bench` prints: per (method, batch size) the harness step time, the bare session loop, the
 * harness overhead, and the ratio to SGD's harness step in the same JMH results, with the speed goals of the
 * benchmark issue (ExtraProp <= 2.1x, DistProp <= 2.3x, GDA/Regularized <= 1.25x, DFA <= 1.0x SGD; harness overhead
 * <= 5 % of the bare loop). Ratios compare scores of one JMH run only: step times drift with machine load.
 */
public final class BenchTable {
    static final Map<String, Double> RATIO_GOALS = Map.of("extraprop", 2.1, "distprop", 2.3, "gda", 1.25, "regularized", 1.25, "dfa", 1.0);
    static final double OVERHEAD_GOAL = 0.05;

    public record Row(String method, String batchSize, double harnessMs, double harnessErr, double bareMs, double overhead,
                      double ratioToSgd, double goal, String verdict) {
    }

    private BenchTable() {
    }

    public static List<Row> compute(List<Score> scores) {
        Map<String, Map<String, Score>> harness = new TreeMap<>(); // batch -> method -> score
        Map<String, Map<String, Score>> bare = new TreeMap<>();
        for (Score s : scores) {
            var target = switch (s.benchmark()) {
                case "harnessStep" -> harness;
                case "bareSessionLoop" -> bare;
                default -> null;
            };
            if (target != null) {
                target.computeIfAbsent(s.batchSize(), k -> new TreeMap<>()).put(s.method(), s);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (var batch : harness.entrySet()) {
            Score sgd = batch.getValue().get("sgd");
            for (String m : Methods.sorted(List.copyOf(batch.getValue().keySet()))) {
                Score h = batch.getValue().get(m);
                Score b = bare.getOrDefault(batch.getKey(), Map.of()).get(m);
                double bareMs = b == null ? Double.NaN : b.ms();
                double overhead = h.ms() / bareMs - 1;
                double ratio = sgd == null ? Double.NaN : h.ms() / sgd.ms();
                double goal = RATIO_GOALS.getOrDefault(m, Double.NaN);
                List<String> misses = new ArrayList<>();
                if (!Double.isNaN(goal) && !(ratio <= goal)) {
                    misses.add(String.format(Locale.ROOT, "ratio > %.2f", goal));
                }
                if (!(overhead <= OVERHEAD_GOAL) && !Double.isNaN(overhead)) {
                    misses.add("overhead > 5 %");
                }
                String verdict = Double.isNaN(goal) && Double.isNaN(overhead) ? "-" : misses.isEmpty() ? "meets goals" : String.join(", ", misses);
                rows.add(new Row(m, batch.getKey(), h.ms(), h.errorMs(), bareMs, overhead, ratio, goal, verdict));
            }
        }
        return rows;
    }

    /** Reads the JMH results in {@code benchDir}, writes step_ratios.csv there and returns the printable table. */
    public static String render(Path benchDir) {
        List<Row> rows = compute(StepTimeFigure.read(benchDir));
        if (rows.isEmpty()) {
            return "no StepBenchmark results in " + benchDir + " (run `make bench`)\n";
        }
        List<List<Object>> csv = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        String fmt = "%-12s %5s %16s %10s %9s %9s %6s  %s%n";
        sb.append(String.format(Locale.ROOT, fmt, "method", "batch", "harness ms/step", "bare ms", "overhead", "x SGD", "goal", "verdict"));
        for (Row r : rows) {
            csv.add(List.of(r.method(), r.batchSize(), r.harnessMs(), r.harnessErr(), r.bareMs(), r.overhead(), r.ratioToSgd(), r.goal(), r.verdict()));
            sb.append(String.format(Locale.ROOT, fmt, r.method(), r.batchSize(), num(r.harnessMs()) + " ± " + num(r.harnessErr()), num(r.bareMs()),
                    Double.isNaN(r.overhead()) ? "-" : String.format(Locale.ROOT, "%+.1f %%", 100 * r.overhead()),
                    Double.isNaN(r.ratioToSgd()) ? "-" : String.format(Locale.ROOT, "%.2f", r.ratioToSgd()),
                    Double.isNaN(r.goal()) ? "-" : String.format(Locale.ROOT, "%.2f", r.goal()), r.verdict()));
        }
        FigureFiles.writeCsv(benchDir.resolve("step_ratios.csv"), List.of("method", "batch_size", "harness_ms", "harness_error_ms_99_9",
                "bare_ms", "harness_overhead", "ratio_to_sgd", "ratio_goal", "verdict"), csv);
        sb.append("(JMH average time; ± = 99.9 % CI half-width; ratios within one JMH run; table also in ")
                .append(benchDir.resolve("step_ratios.csv")).append(")\n");
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }
}
