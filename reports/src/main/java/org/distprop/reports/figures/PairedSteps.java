package org.distprop.reports.figures;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.distprop.reports.store.ResultsStore;

/**
 * The paired step measurements of the harness's JMH {@code StepBenchmark.pairedStep}: each operation ran one
 * reference step (SGD's step; for method=sgd, SGD's bare session loop) and one step of the method, timed into
 * the auxiliary counters {@code methodMs}, {@code referenceMs} and {@code pairs}, which JMH's JSON keeps per
 * measurement iteration ({@code secondaryMetrics.*.rawData}).
 */
public final class PairedSteps {
    public static final String BENCHMARK = "pairedStep";

    /**
     * One (dataset, method, batch size) result. {@code iterationRatios}: methodMs / referenceMs of each measurement
     * iteration (all forks); {@link #ratio()} is the ratio of the totals.
     */
    public record Pair(String file, String dataset, String method, String batchSize, String threads, double methodMs,
                       double referenceMs, long pairs, double[] iterationRatios) {
        public double methodMsPerStep() {
            return methodMs / pairs;
        }

        public double referenceMsPerStep() {
            return referenceMs / pairs;
        }

        public double ratio() {
            return methodMs / referenceMs;
        }

        public double minRatio() {
            return stream().min().orElse(Double.NaN);
        }

        public double maxRatio() {
            return stream().max().orElse(Double.NaN);
        }

        private java.util.stream.DoubleStream stream() {
            return java.util.Arrays.stream(iterationRatios);
        }
    }

    private PairedSteps() {
    }

    /** Every pairedStep result in {@code dir}/*.json (JMH's JSON result format); other benchmarks are skipped. */
    public static List<Pair> read(Path dir) {
        List<Pair> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode b : ResultsStore.JSON.readTree(f.toFile())) {
                    if (b.path("benchmark").asText().endsWith("." + BENCHMARK)) {
                        out.add(pair(f, b));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JMH results in " + dir, e);
        }
        return out;
    }

    private static Pair pair(Path f, JsonNode b) {
        JsonNode sec = b.path("secondaryMetrics");
        double[] method = raw(f, sec, "methodMs");
        double[] reference = raw(f, sec, "referenceMs");
        double[] pairs = raw(f, sec, "pairs");
        double[] ratios = new double[method.length];
        double m = 0;
        double r = 0;
        long n = 0;
        for (int i = 0; i < method.length; i++) {
            ratios[i] = method[i] / reference[i];
            m += method[i];
            r += reference[i];
            n += Math.round(pairs[i]);
        }
        JsonNode p = b.path("params");
        // results written before StepBenchmark had a dataset parameter measured MNIST
        return new Pair(f.getFileName().toString(), p.path("dataset").asText("mnist"), p.path("method").asText("?"),
                p.path("batchSize").asText(""),
                p.path("threads").asText(""), m, r, n, ratios);
    }

    /** The per-iteration values of counter {@code name}, all forks concatenated. */
    private static double[] raw(Path f, JsonNode secondary, String name) {
        JsonNode forks = secondary.path(name).path("rawData");
        if (!forks.isArray() || forks.isEmpty()) {
            throw new IllegalArgumentException(f + ": pairedStep result without the per-iteration counter '" + name
                    + "' (secondaryMetrics." + name + ".rawData); rerun `make bench` with this version of the harness");
        }
        List<Double> v = new ArrayList<>();
        forks.forEach(fork -> fork.forEach(x -> v.add(x.asDouble())));
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
