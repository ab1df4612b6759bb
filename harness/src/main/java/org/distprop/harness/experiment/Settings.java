package org.distprop.harness.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.distprop.harness.RunSpec;
import org.distprop.harness.yaml.YamlNode;

/**
 * The run settings a profile scales (steps, seeds, subset sizes, trial counts, Slurm limits), read
 * from a spec's {@code profiles.<name>} block, then overridden by a group's own {@code profiles.<name>}.
 * Every value keeps the YAML node it came from so a bad value is reported at its line.
 */
public final class Settings {
    /** Keys a profile block may set, with what they mean (shown in error messages). */
    public static final List<String> KEYS = List.of("seeds", "steps", "batch_size", "eval_every", "eval_batch_size",
            "train_per_class", "test_per_class", "trials", "initial_random", "time_limit", "throttle", "skip");
    /** Keys that may also be a grid axis (one config per value). */
    public static final List<String> GRID_KEYS = List.of("steps", "batch_size", "train_per_class", "test_per_class");

    private final Map<String, YamlNode> values = new LinkedHashMap<>();

    Settings() {
    }

    Settings(Settings base) {
        values.putAll(base.values);
    }

    /** Copies the keys of {@code block} (a profile mapping) over these settings. */
    Settings overlay(YamlNode block) {
        block.checkKeys(KEYS);
        values.putAll(block.asMap());
        return this;
    }

    /** Sets one key (a grid axis value). */
    void put(String key, YamlNode value) {
        values.put(key, value);
    }

    YamlNode node(String key) {
        return values.get(key);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    long positiveLong(String key, YamlNode where) {
        YamlNode n = required(key, where);
        long v = n.asLong();
        if (v <= 0) {
            throw n.error("must be > 0, got " + n.asText());
        }
        return v;
    }

    /** A value >= 0; {@code dflt} when absent. */
    long nonNegativeLong(String key, long dflt) {
        YamlNode n = values.get(key);
        if (n == null) {
            return dflt;
        }
        long v = n.asLong();
        if (v < 0) {
            throw n.error("must be >= 0, got " + n.asText());
        }
        return v;
    }

    /**
     * The run these settings describe: the one place a profile's values become a run's (steps and batch_size
     * required and > 0; eval_batch_size > 0, default 1000, as {@code distprop run --eval-batch-size}; the others
     * >= 0, default 0).
     */
    RunSpec run(String experiment, String dataset, String method, Map<String, String> hp, long seed, YamlNode where) {
        return new RunSpec(experiment, dataset, method, hp, positiveLong("steps", where), (int) positiveLong("batch_size", where),
                nonNegativeLong("eval_every", 0), (int) positiveLong("eval_batch_size", where, 1000), seed,
                (int) nonNegativeLong("train_per_class", 0), (int) nonNegativeLong("test_per_class", 0));
    }

    /** A value > 0; {@code dflt} when absent. */
    long positiveLong(String key, YamlNode where, long dflt) {
        return has(key) ? positiveLong(key, where) : dflt;
    }

    boolean skip() {
        YamlNode n = values.get("skip");
        return n != null && n.asBoolean();
    }

    /** seeds: a count n (= seeds 0..n-1) or an explicit list. */
    List<Long> seeds(YamlNode where) {
        YamlNode n = required("seeds", where);
        List<Long> s = new ArrayList<>();
        if (n.isList()) {
            for (YamlNode x : n.asList()) {
                s.add(x.asLong());
            }
            if (s.isEmpty()) {
                throw n.error("the seed list is empty");
            }
            if (s.stream().distinct().count() != s.size()) {
                throw n.error("the seed list repeats a seed: " + s);
            }
        } else {
            long count = n.asLong();
            if (count <= 0) {
                throw n.error("must be a positive seed count or a list of seeds, got " + n.asText());
            }
            for (long i = 0; i < count; i++) {
                s.add(i);
            }
        }
        return s;
    }

    /** Slurm time limit "[D-]HH:MM:SS", or null. */
    String timeLimit() {
        YamlNode n = values.get("time_limit");
        if (n == null) {
            return null;
        }
        String t = n.asText();
        if (!t.matches("(\\d+-)?\\d{1,3}:\\d{2}:\\d{2}")) {
            throw n.error("time_limit must look like HH:MM:SS or D-HH:MM:SS, got '" + t + "'");
        }
        return t;
    }

    private YamlNode required(String key, YamlNode where) {
        YamlNode n = values.get(key);
        if (n == null) {
            throw where.error("the profile sets no '" + key + "' (set it under profiles.<profile>)");
        }
        return n;
    }
}
