package org.distprop.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.distprop.methods.BlockDefect;
import org.distprop.methods.Evaluation;
import org.distprop.methods.StepMetrics;
import org.distprop.methods.TrainingMethod;

/**
 * A mid-run checkpoint in a record folder: {@code checkpoint-<step>/} holding the method's files
 * ({@link TrainingMethod#saveCheckpoint}: all TF variables and its Java-side state) and {@code state.json}
 * (step, config hash, seed, wall time so far, the last step's metrics and the last evaluation, which the
 * final manifest needs). Written into {@code checkpoint-<step>.tmp/}, state.json last, then renamed into
 * place in one atomic directory rename; older checkpoints are deleted only after that, so a crash at any
 * moment leaves the newest complete checkpoint usable. A {@code .tmp} directory is never read.
 * Everything else the next step depends on is a pure function of (seed, step): the batch order, the
 * augmentation and the per-step noise seeds.
 *
 * @param step        steps completed when it was written
 * @param lastMetrics metrics of step {@code step} (null if it was written before any step)
 * @param lastEval    the latest evaluation at or before {@code step}, or null
 * @param wallSeconds training wall time of the run up to the checkpoint, over all of its sessions
 */
public record Checkpoint(Path dir, long step, String configHash, long seed, StepMetrics lastMetrics, Evaluation lastEval,
                         double wallSeconds) {
    static final String PREFIX = "checkpoint-";
    static final String TMP = ".tmp";
    static final String STATE = "state.json";

    /** Writes a checkpoint of {@code method} after {@code step} steps into {@code recordDir}; returns its size in bytes. */
    public static long write(Path recordDir, TrainingMethod method, long step, String configHash, long seed,
                             StepMetrics lastMetrics, Evaluation lastEval, double wallSeconds) {
        String name = PREFIX + String.format("%012d", step);
        Path tmp = recordDir.resolve(name + TMP);
        Path dest = recordDir.resolve(name);
        try {
            deleteTree(tmp);
            Files.createDirectories(tmp);
            method.saveCheckpoint(tmp);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("step", step);
            s.put("config_hash", configHash);
            s.put("seed", seed);
            s.put("wall_seconds", wallSeconds);
            s.put("written", Instant.now().toString());
            if (lastMetrics != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("loss", Double.toString(lastMetrics.loss())); // as strings: exact, and NaN survives
                m.put("lagrangian", Double.toString(lastMetrics.lagrangian()));
                List<List<String>> d = new ArrayList<>();
                for (BlockDefect b : lastMetrics.defects()) {
                    d.add(List.of(Double.toString(b.meanAbs()), Double.toString(b.maxAbs()),
                            Double.toString(b.fractionWithinMargin()), Double.toString(b.multiplierNorm()), Double.toString(b.signedMean())));
                }
                m.put("defects", d);
                s.put("last_metrics", m);
            }
            if (lastEval != null) {
                s.put("last_eval", List.of(Double.toString(lastEval.loss()), Double.toString(lastEval.top1()),
                        Double.toString(lastEval.top5()), Long.toString(lastEval.count())));
            }
            Files.writeString(tmp.resolve(STATE), Json.write(s) + "\n", StandardCharsets.UTF_8);
            long bytes = size(tmp);
            deleteTree(dest); // only if a checkpoint of this very step exists (a resumed run re-reaching it)
            Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
            for (Path old : list(recordDir)) {
                if (!old.getFileName().toString().equals(name)) {
                    deleteTree(old);
                }
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + dest + ": " + e.getMessage(), e);
        }
    }

    /** The newest complete checkpoint in {@code recordDir}, or null (none, or none readable). */
    public static Checkpoint latest(Path recordDir) {
        List<Path> all;
        try {
            all = list(recordDir);
        } catch (IOException e) {
            return null;
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).getFileName().toString().endsWith(TMP)) {
                continue; // an unfinished write
            }
            Checkpoint c = read(all.get(i));
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static Checkpoint read(Path dir) {
        try {
            JsonNode s = Json.MAPPER.readTree(dir.resolve(STATE).toFile());
            StepMetrics m = null;
            JsonNode lm = s.get("last_metrics");
            if (lm != null) {
                List<BlockDefect> d = new ArrayList<>();
                for (JsonNode b : lm.path("defects")) {
                    d.add(new BlockDefect(dbl(b.get(0)), dbl(b.get(1)), dbl(b.get(2)), dbl(b.get(3)), b.size() > 4 ? dbl(b.get(4)) : Double.NaN));
                }
                m = new StepMetrics(dbl(lm.get("loss")), dbl(lm.get("lagrangian")), List.copyOf(d), 0);
            }
            JsonNode le = s.get("last_eval");
            Evaluation e = le == null ? null
                    : new Evaluation(dbl(le.get(0)), dbl(le.get(1)), dbl(le.get(2)), Long.parseLong(le.get(3).asText()));
            return new Checkpoint(dir, s.get("step").asLong(), s.get("config_hash").asText(), s.get("seed").asLong(), m, e,
                    s.path("wall_seconds").asDouble(0));
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: not a usable checkpoint
        }
    }

    private static double dbl(JsonNode n) {
        return Double.parseDouble(n.asText());
    }

    /** Deletes every checkpoint (complete or not) in {@code recordDir}. */
    public static void deleteAll(Path recordDir) {
        try (Stream<Path> s = Files.list(recordDir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
                deleteTree(p);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // no record folder yet
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checkpoint directories and leftover .tmp directories, oldest first. */
    private static List<Path> list(Path recordDir) throws IOException {
        if (!Files.isDirectory(recordDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(recordDir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(PREFIX))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
