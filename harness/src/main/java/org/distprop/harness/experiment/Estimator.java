package org.distprop.harness.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.distprop.harness.Json;
import org.distprop.store.RecordFiles;
import org.distprop.store.Manifest;
import org.distprop.store.Status;

/**
 * Rough time per cell for {@code --dry-run}: milliseconds per training example for the (dataset,
 * method) pair, measured from finished records already in the results store when there are any
 * ((wall_seconds - start-up) / (steps x batch size), which includes evaluation; runs of fewer than
 * 20,000 examples are ignored), otherwise a
 * per-dataset default measured once for SGD on this project's 2-core CPU reference machine.
 */
public final class Estimator {
    /** ms per training example for SGD (MNIST net: ~100 ms per step of 64 on 2 cores). */
    static final Map<String, Double> DEFAULT_MS_PER_EXAMPLE = Map.of("mnist", 1.6, "cifar10", 0.8, "imagenet", 60.0);
    static final double STARTUP_SECONDS = 4; // JVM + TensorFlow + data load and checksum of a worker
    private static final int MAX_RECORDS = 5000;
    private static final double MIN_CALIBRATION_EXAMPLES = 20_000;

    private final Map<String, double[]> measured = new HashMap<>(); // key -> {sum ms/example, count}
    private int records;

    public Estimator(Path resultsRoot) {
        if (!Files.isDirectory(resultsRoot)) {
            return;
        }
        try (Stream<Path> s = Files.walk(resultsRoot, 8)) {
            s.filter(p -> p.getFileName().toString().equals(RecordFiles.MANIFEST)).limit(MAX_RECORDS).forEach(this::add);
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // an unreadable store only means no calibration
        }
    }

    private void add(Path manifest) {
        try {
            JsonNode m = Json.MAPPER.readTree(manifest.toFile());
            if (!Status.OK.is(m.path(Manifest.STATUS).asText()) || m.path(Manifest.STEPS).asLong() <= 0 || m.path(Manifest.BATCH_SIZE).asLong() <= 0) {
                return;
            }
            double wall = m.path(Manifest.WALL_SECONDS).asDouble(Double.NaN);
            if (!(wall > 0)) {
                return;
            }
            double examples = m.path(Manifest.STEPS).asDouble() * m.path(Manifest.BATCH_SIZE).asDouble();
            if (examples < MIN_CALIBRATION_EXAMPLES) {
                return; // start-up dominates tiny (ci) runs; they say nothing about the cost per example
            }
            double ms = Math.max(0, wall - STARTUP_SECONDS) * 1000 / examples;
            double[] acc = measured.computeIfAbsent(key(m.path(Manifest.DATASET).asText(), m.path(Manifest.METHOD).asText()), k -> new double[2]);
            acc[0] += ms;
            acc[1]++;
            records++;
        } catch (IOException ignored) {
            // skip
        }
    }

    private static String key(String dataset, String method) {
        return dataset + "/" + method;
    }

    public int calibrationRecords() {
        return records;
    }

    /** Estimated seconds for one cell, and whether the estimate is measured. */
    public double seconds(Cell c) {
        double[] acc = measured.get(key(c.run().dataset(), c.run().method()));
        double ms = acc != null ? acc[0] / acc[1] : DEFAULT_MS_PER_EXAMPLE.getOrDefault(baseName(c.run().dataset()), 2.0);
        return STARTUP_SECONDS + c.run().steps() * c.run().batchSize() * ms / 1000;
    }

    public boolean measured(Cell c) {
        return measured.containsKey(key(c.run().dataset(), c.run().method()));
    }

    /** Wall time for {@code cells} on {@code jobs} workers: greedy longest-first packing. */
    public double wallSeconds(List<Cell> cells, int jobs) {
        double[] load = new double[jobs];
        cells.stream().map(this::seconds).sorted(java.util.Comparator.reverseOrder()).forEach(t -> {
            int min = 0;
            for (int i = 1; i < jobs; i++) {
                if (load[i] < load[min]) {
                    min = i;
                }
            }
            load[min] += t;
        });
        double max = 0;
        for (double l : load) {
            max = Math.max(max, l);
        }
        return max;
    }

    private static String baseName(String dataset) {
        int i = dataset.indexOf(':');
        return i < 0 ? dataset : dataset.substring(0, i);
    }
}
