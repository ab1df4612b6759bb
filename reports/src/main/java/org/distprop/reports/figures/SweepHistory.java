package org.distprop.reports.figures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.distprop.reports.store.ResultsStore;
import org.distprop.store.Manifest;
import org.distprop.store.RecordFiles;
import org.distprop.store.Status;
import org.distprop.store.SweepLog;

/**
 * A sweep's history.jsonl as Fig. 4 uses it: the lines read by the store's one reader ({@link SweepLog}; format in
 * docs/results-store.md), with hyperparameter values made numeric where they are numbers. Trials of another
 * profile (the line's "profile" key if it has one, else the profile in the trial record's manifest) are dropped.
 */
public record SweepHistory(Path file, List<Trial> trials) {
    public record Trial(int trial, Map<String, JsonNode> params, double objective, String status, String record) {
        public boolean ok() {
            return Status.OK.is(status) && !Double.isNaN(objective);
        }
    }

    /** The first history.jsonl under results/<experiment>/ (the sweep dir), or null. */
    public static SweepHistory find(Path results, String experiment, String profile) {
        Path dir = results.resolve(experiment);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            Path f = s.filter(p -> p.getFileName().toString().equals(SweepLog.FILE)).sorted().findFirst().orElse(null);
            return f == null ? null : read(f, results, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SweepHistory read(Path file, Path results, String profile) {
        List<Trial> trials = new ArrayList<>();
        List<SweepLog.Line> lines;
        try {
            lines = SweepLog.read(file);
        } catch (IOException | SweepLog.Damaged e) {
            throw new UncheckedIOException("cannot read sweep history " + file + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
        for (SweepLog.Line n : lines) {
            Map<String, JsonNode> params = new LinkedHashMap<>();
            if (n.params() != null) {
                n.params().forEach((k, v) -> params.put(k, numericIfPossible(v == null ? NullNode.getInstance() : TextNode.valueOf(v))));
            }
            String record = n.record();
            String recordProfile = profile == null ? null
                    : n.profile() != null ? n.profile()
                    : record == null ? null : recordProfile(results, file, record);
            if (recordProfile != null && !recordProfile.equals(profile)) {
                continue;
            }
            trials.add(new Trial(n.trial(), params, n.objective() == null ? Double.NaN : n.objective(),
                    n.status() == null ? "unknown" : n.status(), record));
        }
        return new SweepHistory(file, trials);
    }

    /** The trial record's profile, or null when the record or its profile key is absent (trial kept). */
    private static String recordProfile(Path results, Path file, String record) {
        for (Path base : List.of(results, file.getParent(), results.getParent() == null ? results : results.getParent())) {
            Path m = base.resolve(record).resolve(RecordFiles.MANIFEST);
            if (Files.isRegularFile(m)) {
                try {
                    JsonNode p = ResultsStore.JSON.readTree(m.toFile()).path(Manifest.PROFILE);
                    return p.isTextual() ? p.asText() : null;
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * The harness writes hyperparameter values as strings ("6.56E-4"), as they are passed to methods;
     * a value that parses as a finite number becomes a number so its axis is numeric (log for
     * learning rates), not a list of categories.
     */
    static com.fasterxml.jackson.databind.JsonNode numericIfPossible(com.fasterxml.jackson.databind.JsonNode v) {
        if (v.isTextual()) {
            try {
                double d = Double.parseDouble(v.asText().strip());
                if (Double.isFinite(d)) {
                    return d == Math.rint(d) && Math.abs(d) < 1e15
                            ? com.fasterxml.jackson.databind.node.LongNode.valueOf((long) d)
                            : com.fasterxml.jackson.databind.node.DoubleNode.valueOf(d);
                }
            } catch (NumberFormatException ignored) {
                // a real category ("soft", "fresh")
            }
        }
        return v;
    }
}
