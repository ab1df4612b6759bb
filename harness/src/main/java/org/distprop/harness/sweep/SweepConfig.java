package org.distprop.harness.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.distprop.harness.yaml.YamlNode;

/**
 * A sweep in the authors' wandb format (method, metric {name, goal}, parameters {name: {distribution,
 * min, max} | {values} | {value}}), as in their sweep_hyper.yaml. Extensions: {@code seed} (the
 * sweep seed, default 0) and {@code initial_random} (uniform trials before the GP, default
 * max(5, d + 1)). wandb's launcher keys (program, command, project, ...) are accepted and ignored;
 * experiment_buddy's {@code ^} prefix on parameter names is dropped.
 *
 * @param constants parameters with a single value (wandb {@code value:}), applied to every trial
 * @param metric    the manifest's {@code final} key the sweep optimises (test_top1, test_top5, test_loss, train_loss)
 */
public record SweepConfig(String method, String metric, boolean maximize, List<Param> space,
                          Map<String, String> constants, long seed, int initialRandom,
                          Map<String, YamlNode> paramNodes) {
    static final List<String> KEYS = List.of("method", "metric", "parameters", "seed", "initial_random", "program",
            "command", "project", "entity", "name", "description", "early_terminate", "run_cap");
    /** wandb metric names used by the authors -> manifest final keys. */
    static final Map<String, String> METRICS = Map.of("test_top1", "test_top1", "test/accuracy", "test_top1",
            "test/acc_1", "test_top1", "test_top5", "test_top5", "test/acc_5", "test_top5", "test_loss", "test_loss",
            "test/loss", "test_loss", "train_loss", "train_loss");

    public static SweepConfig parse(YamlNode n) {
        n.checkKeys(KEYS);
        String method = n.require("method").asText();
        if (!List.of("bayes", "random", "grid").contains(method)) {
            throw n.get("method").error("unknown search method '" + method + "'; valid: bayes, random, grid");
        }
        YamlNode m = n.require("metric");
        m.checkKeys(List.of("name", "goal", "target"));
        String metricName = m.require("name").asText();
        String metric = METRICS.get(metricName);
        if (metric == null) {
            throw m.get("name").error("unknown metric '" + metricName + "'; valid: " + String.join(", ", new java.util.TreeSet<>(METRICS.keySet())));
        }
        String goal = m.get("goal") == null ? "maximize" : m.get("goal").asText();
        if (!goal.equals("maximize") && !goal.equals("minimize")) {
            throw m.get("goal").error("goal must be maximize or minimize, got '" + goal + "'");
        }
        List<Param> space = new ArrayList<>();
        Map<String, String> constants = new LinkedHashMap<>();
        Map<String, YamlNode> nodes = new LinkedHashMap<>();
        for (var e : n.require("parameters").asMap().entrySet()) {
            String name = e.getKey().startsWith("^") ? e.getKey().substring(1) : e.getKey();
            YamlNode p = e.getValue();
            if (nodes.containsKey(name)) {
                throw p.error("parameter '" + name + "' is given twice");
            }
            nodes.put(name, p);
            if (p.get("value") != null) {
                p.checkKeys(List.of("value", "distribution"));
                constants.put(name, p.get("value").asText());
            } else {
                space.add(param(name, p));
            }
        }
        if (space.isEmpty()) {
            throw n.get("parameters").error("the sweep has no parameter to search (only constants)");
        }
        if (method.equals("grid")) {
            for (Param p : space) {
                if (!(p instanceof Param.Choice)) {
                    throw nodes.get(p.name()).error("grid search needs 'values:' for every parameter; " + p.name() + " is a range");
                }
            }
        }
        long seed = n.get("seed") == null ? 0 : n.get("seed").asLong();
        int init = n.get("initial_random") == null ? Math.max(5, space.size() + 1) : (int) n.get("initial_random").asLong();
        if (init < 2) {
            throw n.get("initial_random").error("initial_random must be >= 2 (the GP needs two points), got " + init);
        }
        return new SweepConfig(method, metric, goal.equals("maximize"), List.copyOf(space), constants, seed, init, nodes);
    }

    static Param param(String name, YamlNode p) {
        p.checkKeys(List.of("distribution", "min", "max", "values", "q"));
        if (p.get("values") != null) {
            List<String> v = new ArrayList<>();
            for (YamlNode x : p.get("values").asList()) {
                v.add(x.asText());
            }
            if (v.isEmpty()) {
                throw p.get("values").error("the value list is empty");
            }
            return new Param.Choice(name, List.copyOf(v));
        }
        YamlNode minN = p.require("min");
        YamlNode maxN = p.require("max");
        double min = minN.asDouble();
        double max = maxN.asDouble();
        // wandb infers int_uniform from integer bounds and uniform otherwise
        String dist = p.get("distribution") != null ? p.get("distribution").asText()
                : (minN.asText().matches("-?\\d+") && maxN.asText().matches("-?\\d+") ? "int_uniform" : "uniform");
        if (!(max > min)) {
            throw maxN.error("empty or negative range for " + name + ": max " + maxN.asText() + " must be > min " + minN.asText());
        }
        return switch (dist) {
            case "uniform" -> new Param.Range(name, min, max, Param.Range.Scale.LINEAR);
            case "int_uniform" -> new Param.Range(name, min, max, Param.Range.Scale.INT);
            case "log_uniform" -> new Param.Range(name, min, max, Param.Range.Scale.LOG);
            case "log_uniform_values" -> {
                if (!(min > 0)) {
                    throw minN.error("log_uniform_values needs min > 0 (the bounds are values, not exponents), got " + minN.asText());
                }
                yield new Param.Range(name, Math.log(min), Math.log(max), Param.Range.Scale.LOG);
            }
            default -> throw p.get("distribution").error("unsupported distribution '" + dist
                    + "'; valid: uniform, int_uniform, log_uniform (natural-log bounds), log_uniform_values, or values: [...]");
        };
    }

    public SweepConfig withInitialRandom(int n) {
        return new SweepConfig(method, metric, maximize, space, constants, seed, n, paramNodes);
    }

    public Proposer proposer() {
        return Proposer.create(method, space, seed, initialRandom);
    }

    /** The value the optimiser maximises for a finished run's metric value. */
    public double objective(double metricValue) {
        return maximize ? metricValue : -metricValue;
    }
}
