package org.distprop.reports.table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.distprop.reports.figures.FigureFiles;
import org.distprop.reports.figures.Methods;
import org.distprop.reports.figures.PairedSteps;
import org.distprop.store.BenchFiles;

/**
 * The table `make bench` prints, from StepBenchmark's paired measurements ({@link PairedSteps}): per (dataset, method,
 * batch size) the method's ms per step, the ms per step of the SGD step it alternated with, their ratio (of the totals;
 * the range is over measurement iterations), and the speed goals of the benchmark issues: on the MNIST net ExtraProp
 * <= 2.1x, DistProp <= 2.3x, GDA/Regularized <= 1.25x, DFA <= 1.0x SGD; on the CIFAR LeNet ExtraProp and DistProp
 * <= 2.3x, and LeNet SGD at batch 1,024 <= 0.4x the MNIST-net SGD step at batch 256 (a line under the table). SGD's
 * row alternates its harness step with its bare session loop, so its ratio is 1 + the harness overhead (goal <= 5 %).
 */
public final class BenchTable {
    static final Map<String, Map<String, Double>> RATIO_GOALS = Map.of(
            "mnist", Map.of("extraprop", 2.1, "distprop", 2.3, "gda", 1.25, "regularized", 1.25, "dfa", 1.0),
            "cifar10", Map.of("extraprop", 2.3, "distprop", 2.3));
    static final double OVERHEAD_GOAL = 0.05;
    /** CIFAR LeNet SGD step at batch 1,024 over the MNIST-net SGD step at batch 256 (FLOPs alone give ~0.22). */
    static final double LENET_TO_MNIST_GOAL = 0.4;

    /** {@code ratio}: to SGD's step, or for sgd to its bare loop (then {@code overhead} = ratio - 1, else NaN). */
    public record Row(String dataset, String method, String batchSize, double ms, double referenceMs, double ratio, double minRatio,
                      double maxRatio, double overhead, double goal, String verdict) {
    }

    private BenchTable() {
    }

    public static List<Row> compute(List<PairedSteps.Pair> pairs) {
        // dataset (mnist first) -> batch (ascending numerically) -> method -> pair (last file wins)
        Map<String, Map<String, Map<String, PairedSteps.Pair>>> byDataset = new TreeMap<>(
                java.util.Comparator.comparing((String d) -> !d.equals("mnist")).thenComparing(d -> d));
        for (PairedSteps.Pair p : pairs) {
            byDataset.computeIfAbsent(p.dataset(), k -> new TreeMap<>(java.util.Comparator.comparingInt(Integer::parseInt)))
                    .computeIfAbsent(p.batchSize(), k -> new TreeMap<>()).put(p.method(), p);
        }
        List<Row> rows = new ArrayList<>();
        for (var data : byDataset.entrySet()) {
            for (var batch : data.getValue().entrySet()) {
                for (String m : Methods.sorted(List.copyOf(batch.getValue().keySet()))) {
                    PairedSteps.Pair p = batch.getValue().get(m);
                    boolean sgd = m.equals("sgd");
                    double overhead = sgd ? p.ratio() - 1 : Double.NaN;
                    double goal = sgd ? 1 + OVERHEAD_GOAL : RATIO_GOALS.getOrDefault(data.getKey(), Map.of()).getOrDefault(m, Double.NaN);
                    String verdict;
                    if (Double.isNaN(goal)) {
                        verdict = "-";
                    } else if (p.ratio() <= goal) {
                        verdict = "meets goal";
                    } else {
                        verdict = sgd ? "overhead > 5 %" : String.format(Locale.ROOT, "ratio > %.2f", goal);
                    }
                    rows.add(new Row(data.getKey(), m, batch.getKey(), p.methodMsPerStep(), p.referenceMsPerStep(), p.ratio(),
                            p.minRatio(), p.maxRatio(), overhead, goal, verdict));
                }
            }
        }
        return rows;
    }

    /**
     * The CIFAR LeNet's SGD step at batch 1,024 over the MNIST net's at batch 256 (both the harness step of the sgd
     * rows, measured in the same `make bench`), or NaN when either is missing.
     */
    public static double lenetToMnistRatio(List<Row> rows) {
        double lenet = sgdMs(rows, "cifar10", "1024");
        double mnist = sgdMs(rows, "mnist", "256");
        return lenet / mnist;
    }

    private static double sgdMs(List<Row> rows, String dataset, String batch) {
        return rows.stream().filter(r -> r.dataset().equals(dataset) && r.batchSize().equals(batch) && r.method().equals("sgd"))
                .mapToDouble(Row::ms).findFirst().orElse(Double.NaN);
    }

    /** Reads the JMH results in {@code benchDir}, writes step_ratios.csv there and returns the printable table. */
    public static String render(Path benchDir) {
        List<Row> rows = compute(PairedSteps.read(benchDir));
        if (rows.isEmpty()) {
            return "no StepBenchmark.pairedStep results in " + benchDir + " (run `make bench`)\n";
        }
        List<List<Object>> csv = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        String fmt = "%-8s %-12s %5s %9s %14s %19s %6s  %s%n";
        sb.append(String.format(Locale.ROOT, fmt, "data", "method", "batch", "ms/step", "reference ms", "ratio [min-max]", "goal", "verdict"));
        for (Row r : rows) {
            csv.add(List.of(r.dataset(), r.method(), r.batchSize(), r.ms(), r.referenceMs(), r.ratio(), r.minRatio(), r.maxRatio(), r.overhead(),
                    r.goal(), r.verdict()));
            String ratio = String.format(Locale.ROOT, "%.2f [%.2f-%.2f]", r.ratio(), r.minRatio(), r.maxRatio());
            String reference = num(r.referenceMs()) + (r.method().equals("sgd") ? " (bare)" : "");
            String verdict = r.method().equals("sgd")
                    ? String.format(Locale.ROOT, "overhead %+.1f %%: %s", 100 * r.overhead(), r.verdict()) : r.verdict();
            sb.append(String.format(Locale.ROOT, fmt, r.dataset(), r.method(), r.batchSize(), num(r.ms()), reference, ratio,
                    Double.isNaN(r.goal()) ? "-" : String.format(Locale.ROOT, "%.2f", r.goal()), verdict));
        }
        double lenet = lenetToMnistRatio(rows);
        if (!Double.isNaN(lenet)) {
            sb.append(String.format(Locale.ROOT, "CIFAR LeNet SGD step at batch 1024 / MNIST-net SGD step at batch 256: %.2f (goal <= %.2f: %s)%n",
                    lenet, LENET_TO_MNIST_GOAL, lenet <= LENET_TO_MNIST_GOAL ? "meets goal" : "misses goal"));
        }
        FigureFiles.writeCsv(benchDir.resolve("step_ratios.csv"), List.of("dataset", "method", "batch_size", "ms_per_step", "reference_ms_per_step",
                "ratio", "min_iteration_ratio", "max_iteration_ratio", "harness_overhead", "goal", "verdict"), csv);
        sb.append("(paired: each JMH operation ran one reference step, then one step of the method; reference = SGD's step,"
                + " for sgd its bare session loop; ratio of totals, [range over iterations]; table also in ")
                .append(benchDir.resolve("step_ratios.csv")).append(")\n");
        Path machine = benchDir.resolve(BenchFiles.MACHINE);
        if (Files.isRegularFile(machine)) { // absolute ms compare only within one machine
            sb.append("Machine: ").append(machineLine(machine)).append('\n');
        }
        Path env = benchDir.resolve(BenchFiles.TF_ENV);
        if (Files.isRegularFile(env)) { // what the runs' manifests record as provenance.env
            try {
                sb.append("TF environment: ").append(Files.readString(env).strip()).append('\n');
            } catch (java.io.IOException e) {
                sb.append("TF environment: unreadable (").append(e.getMessage()).append(")\n");
            }
        }
        return sb.toString();
    }

    /** "AMD EPYC (family 26 model 2 stepping 1, cache 1024 KB), 2 cores, SIMD avx avx2 ..." from the benchmark's machine.json. */
    static String machineLine(Path machineJson) {
        try {
            var m = org.distprop.reports.store.ResultsStore.JSON.readTree(machineJson.toFile());
            List<String> simd = new ArrayList<>();
            m.path("cpu_simd").forEach(f -> simd.add(f.asText()));
            String id = m.path("cpu_id").isTextual() ? " (" + m.path("cpu_id").asText() + ")" : "";
            return m.path("cpu").asText("?") + id + ", " + m.path("cores").asText("?") + " cores, SIMD "
                    + (simd.isEmpty() ? "unknown" : String.join(" ", simd));
        } catch (java.io.IOException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }
}
