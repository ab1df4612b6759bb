package org.distprop.harness.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.distprop.datasets.DataException;
import org.distprop.datasets.DatasetSpec;
import org.distprop.harness.RunSpec;
import org.distprop.harness.UserError;
import org.distprop.harness.sweep.Param;
import org.distprop.harness.sweep.SweepConfig;
import org.distprop.harness.yaml.YamlNode;
import org.distprop.methods.Hyperparams;
import org.distprop.methods.MethodFactory;
import org.distprop.methods.MethodRegistry;

/**
 * An experiment spec (YAML): the paper artefact as groups of (dataset, methods, hyperparameter
 * overrides, optional grid axes), run settings per scale profile, and optionally a sweep. Parsing
 * validates everything a run would reject (names, hyperparameter keys and values, ranges, profile)
 * and reports it as {@code file:line: key: message} before anything runs. Method and dataset names
 * come from the registries, so new methods and datasets need no change here.
 *
 * <pre>
 * experiment: fig3                 # results/&lt;experiment&gt;/...
 * profiles:                        # ci, quick and paper are all required
 *   ci:    {seeds: 2, steps: 30, batch_size: 32, eval_every: 10, train_per_class: 20, test_per_class: 10}
 *   paper: {seeds: 10, steps: 6500, batch_size: 1024, eval_every: 58, time_limit: "08:00:00"}
 * groups:
 *   - dataset: mnist
 *     methods: [sgd, distprop]
 *     hp: {distprop: {num_samples: 32}}       # per-method overrides of the declared defaults
 *     grid: {train_per_class: [100, 500]}     # axes: settings or hp.&lt;name&gt; (all methods)
 *     profiles: {paper: {steps: 20000}}       # per-group overrides of the profile settings
 * sweep: {method: bayes, metric: {name: test/accuracy, goal: maximize}, parameters: {...}}
 * </pre>
 */
public final class ExperimentSpec {
    /** Profiles every spec defines. */
    public static final List<String> PROFILES = List.of("ci", "quick", "paper");
    /**
     * Profiles a spec may define: {@code early} is the paper's protocol (full data, the paper's batch size
     * and hyperparameters) for the first ~10 epochs, a scale this CPU finishes, compared epoch by epoch
     * with the authors' plotted curves.
     */
    public static final List<String> OPTIONAL_PROFILES = List.of("early");
    static final List<String> ALL_PROFILES = List.of("ci", "quick", "early", "paper");
    static final List<String> TOP_KEYS = List.of("experiment", "description", "profiles", "groups", "sweep");
    static final List<String> GROUP_KEYS = List.of("dataset", "methods", "hp", "grid", "profiles", "note");
    static final String RESOURCE_DIR = "experiments/";

    private final String file;
    private final YamlNode root;
    private final String name;
    /** (method, dataset, overrides) already checked by {@link #checkAt}. */
    private final java.util.Set<List<Object>> checked = new java.util.HashSet<>();

    private ExperimentSpec(String file, YamlNode root) {
        this.file = file;
        this.root = root;
        root.checkKeys(TOP_KEYS);
        this.name = root.require("experiment").asText();
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw root.get("experiment").error("experiment name may use letters, digits, '.', '_' and '-' only, got '" + name + "'");
        }
    }

    /** Loads a spec by path, or by name from the built-in specs (harness/src/main/resources/experiments). */
    public static ExperimentSpec load(String nameOrPath) {
        Path p = Path.of(nameOrPath);
        if (Files.isRegularFile(p)) {
            try {
                return parse(Files.readString(p, StandardCharsets.UTF_8), p.toString());
            } catch (IOException e) {
                throw new UserError("cannot read the spec " + p + ": " + e.getMessage());
            }
        }
        String res = RESOURCE_DIR + nameOrPath + (nameOrPath.endsWith(".yaml") ? "" : ".yaml");
        try (InputStream in = ExperimentSpec.class.getClassLoader().getResourceAsStream(res)) {
            if (in == null) {
                throw new UserError("unknown experiment spec '" + nameOrPath + "'; built-in specs: "
                        + String.join(", ", builtIn()) + " (or give the path of a .yaml file)");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "harness/src/main/resources/" + res);
        } catch (IOException e) {
            throw new UserError("cannot read the built-in spec " + res + ": " + e.getMessage());
        }
    }

    /** Names of the built-in specs (listed in experiments/index.txt). */
    public static List<String> builtIn() {
        try (InputStream in = ExperimentSpec.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + "index.txt")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public static ExperimentSpec parse(String yaml, String file) {
        return new ExperimentSpec(file, YamlNode.parse(yaml, file));
    }

    public String name() {
        return name;
    }

    public String file() {
        return file;
    }

    /** The sweep block, or null for a spec without a sweep. */
    public SweepConfig sweep() {
        YamlNode s = root.get("sweep");
        return s == null ? null : SweepConfig.parse(s);
    }

    /** The profile's settings; an unknown profile is an error naming the spec's profiles line. */
    Settings profileSettings(String profile) {
        YamlNode profiles = root.require("profiles");
        profiles.checkKeys(ALL_PROFILES);
        for (String p : PROFILES) {
            if (profiles.get(p) == null) {
                throw profiles.error("every spec defines the profiles " + String.join(", ", PROFILES) + "; '" + p + "' is missing");
            }
        }
        if (!ALL_PROFILES.contains(profile)) {
            throw profiles.error("unknown profile '" + profile + "'; valid profiles: " + String.join(", ", ALL_PROFILES));
        }
        if (profiles.get(profile) == null) {
            throw profiles.error("spec " + name + " has no '" + profile + "' profile; it defines " + String.join(", ", definedProfiles()));
        }
        return new Settings().overlay(profiles.get(profile));
    }

    /** The profiles this spec defines, in {@link #ALL_PROFILES} order. */
    public List<String> definedProfiles() {
        YamlNode profiles = root.require("profiles");
        return ALL_PROFILES.stream().filter(p -> profiles.get(p) != null).toList();
    }

    /**
     * Validates the whole spec for {@code profile} and expands it into cells (group order, then
     * method, grid point, seed). For a sweep spec the cells are the fixed part (usually none) and
     * {@link #sweepTemplate} gives the swept run.
     */
    public Expansion expand(String profile) {
        return expand(profile, false);
    }

    /**
     * {@code structureOnly}: skip the registry checks (method and dataset names, hyperparameter keys
     * of methods not on the class path), so a spec can be checked for structure and cell counts on a
     * build that lacks some methods. Never used to run anything.
     */
    Expansion expand(String profile, boolean structureOnly) {
        profileSettings(profile); // an unknown profile is the first error
        Expansion e = expandOne(profile, structureOnly);
        // expand the other profiles too, so a bad value in 'paper' is caught by a ci run
        for (String p : definedProfiles()) {
            if (!p.equals(profile)) {
                expandOne(p, structureOnly);
            }
        }
        return e;
    }

    /** One profile: every group's (method, grid point) templates, then their cells or the sweep. */
    private Expansion expandOne(String profile, boolean structureOnly) {
        Settings base = profileSettings(profile);
        SweepConfig sweep = sweep(); // a sweep spec's group is the template of its trials, not cells
        List<Cell> cells = new ArrayList<>();
        List<GroupTemplate> templates = new ArrayList<>();
        for (YamlNode g : groups()) {
            for (GroupTemplate t : groupTemplates(g, base, profile, structureOnly)) {
                templates.add(t);
                if (sweep == null && !t.settings().skip()) {
                    for (long seed : t.settings().seeds(g)) {
                        cells.add(Cell.of(cells.size(), t.run(name, seed, Map.of())));
                    }
                }
            }
        }
        int throttle = (int) base.nonNegativeLong("throttle", 0);
        if (sweep == null) {
            if (base.has("trials")) {
                throw base.node("trials").error("'trials' is a sweep setting, but this spec has no sweep block");
            }
            return new Expansion(this, profile, cells, null, null, 0, base.timeLimit(), throttle);
        }
        return sweepExpansion(profile, base, cells, templates, sweep, throttle);
    }

    private List<YamlNode> groups() {
        List<YamlNode> groups = root.require("groups").asList();
        if (groups.isEmpty()) {
            throw root.get("groups").error("no groups: list at least one {dataset, methods}");
        }
        return groups;
    }

    /** A group's (method, grid point) combinations, each with its settings and checked hyperparameters. */
    private List<GroupTemplate> groupTemplates(YamlNode g, Settings base, String profile, boolean structureOnly) {
        g.checkKeys(GROUP_KEYS);
        String dataset = groupDataset(g, structureOnly);
        Settings s = groupSettings(g, base, profile);
        List<YamlNode> methodNodes = g.require("methods").asListOrOne();
        Map<String, YamlNode> hpByMethod = hpByMethod(g, methodNodes);
        List<Map<String, YamlNode>> gridPoints = gridPoints(g.get("grid"), profile);
        List<GroupTemplate> out = new ArrayList<>();
        for (YamlNode mNode : methodNodes) {
            String method = mNode.asText();
            MethodFactory f = factory(mNode, structureOnly);
            Map<String, YamlNode> hpNodes = hpByMethod.get(method) == null ? Map.of() : hpByMethod.get(method).asMap();
            for (Map<String, YamlNode> point : gridPoints) {
                Map<String, YamlNode> hp = new LinkedHashMap<>(hpNodes);
                Settings cs = new Settings(s);
                for (var e : point.entrySet()) { // hp.<name> axes are hyperparameters, the others settings
                    if (e.getKey().startsWith("hp.")) {
                        hp.put(e.getKey().substring(3), e.getValue());
                    } else {
                        cs.put(e.getKey(), e.getValue());
                    }
                }
                Map<String, String> hpValues = f == null ? texts(hp) : checkHyperparams(method, f, dataset, hp);
                out.add(new GroupTemplate(g, dataset, method, hpValues, cs));
            }
        }
        return out;
    }

    private static String groupDataset(YamlNode g, boolean structureOnly) {
        YamlNode dsNode = g.require("dataset");
        try {
            DatasetSpec.checkName(dsNode.asText());
        } catch (DataException e) {
            if (!structureOnly) {
                throw dsNode.error(e.getMessage());
            }
        }
        return dsNode.asText();
    }

    /** The profile's settings overridden by the group's own {@code profiles.<profile>}; every profile's keys checked. */
    private static Settings groupSettings(YamlNode g, Settings base, String profile) {
        Settings s = new Settings(base);
        YamlNode gp = g.get("profiles");
        if (gp != null) {
            gp.checkKeys(ALL_PROFILES);
            for (String p : ALL_PROFILES) {
                if (gp.get(p) != null) {
                    new Settings().overlay(gp.get(p)); // key check for every profile
                }
            }
            if (gp.get(profile) != null) {
                s.overlay(gp.get(profile));
            }
        }
        return s;
    }

    private static Map<String, YamlNode> hpByMethod(YamlNode g, List<YamlNode> methodNodes) {
        Map<String, YamlNode> out = new LinkedHashMap<>();
        if (g.get("hp") != null) {
            for (var e : g.get("hp").asMap().entrySet()) {
                if (methodNodes.stream().noneMatch(m -> m.asText().equals(e.getKey()))) {
                    throw e.getValue().error("hp for '" + e.getKey() + "', which is not one of this group's methods");
                }
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** The method's factory, or null for an unknown method when only the structure is checked. */
    private static MethodFactory factory(YamlNode mNode, boolean structureOnly) {
        try {
            return MethodRegistry.get(mNode.asText());
        } catch (IllegalArgumentException e) {
            if (!structureOnly) {
                throw mNode.error(e.getMessage());
            }
            return null;
        }
    }

    /** A sweep spec: one template, its swept values and constants checked as a run checks them, and its trial count. */
    private Expansion sweepExpansion(String profile, Settings base, List<Cell> cells, List<GroupTemplate> templates,
                                     SweepConfig sweep, int throttle) {
        if (templates.size() != 1) {
            throw root.get("sweep").error("a sweep spec has exactly one group with one method (the swept one); found "
                    + templates.size() + " (method, grid point) combinations");
        }
        GroupTemplate t = templates.get(0);
        t.run(name, t.settings().seeds(t.group()).get(0), Map.of()); // the trials' settings, checked now
        if (MethodRegistry.names().contains(t.method())) { // constants, and both ends of every range, must be values a run accepts
            MethodFactory f = MethodRegistry.get(t.method());
            checkAt(t.method(), f, t.dataset(), sweep.constants(), sweep.paramNodes()::get);
            for (var p : sweep.space()) {
                List<String> values = p instanceof Param.Choice c ? c.values() : List.of(p.decode(0), p.decode(1));
                for (String v : values) {
                    checkAt(t.method(), f, t.dataset(), Map.of(p.name(), v), sweep.paramNodes()::get);
                }
            }
        }
        long trials = t.settings().positiveLong("trials", root.get("profiles"));
        if (t.settings().has("initial_random")) {
            long init = t.settings().positiveLong("initial_random", root.get("profiles"));
            if (init < 2) {
                throw t.settings().node("initial_random").error("must be >= 2 (the GP needs two points)");
            }
            sweep = sweep.withInitialRandom((int) init);
        }
        return new Expansion(this, profile, cells, t, sweep, (int) trials, base.timeLimit(), throttle);
    }

    /** Cartesian product of the grid axes (the first axis varies slowest); one empty point without a grid. */
    private static List<Map<String, YamlNode>> gridPoints(YamlNode grid, String profile) {
        List<Map<String, YamlNode>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        if (grid == null) {
            return points;
        }
        for (var axis : grid.asMap().entrySet()) {
            String key = axis.getKey();
            if (!key.startsWith("hp.") && !Settings.GRID_KEYS.contains(key)) {
                throw axis.getValue().error("unknown grid axis '" + key + "'; valid: " + String.join(", ", Settings.GRID_KEYS)
                        + ", or hp.<hyperparameter>");
            }
            YamlNode axisNode = axis.getValue();
            if (axisNode.isMap()) { // per-profile values: {ci: [...], quick: [...], paper: [...]}
                axisNode.checkKeys(ALL_PROFILES);
                for (String p : PROFILES) {
                    if (axisNode.get(p) == null) {
                        throw axisNode.error("a per-profile grid axis lists values for every profile; '" + p + "' is missing");
                    }
                    axisNode.get(p).asList();
                }
                if (axisNode.get(profile) == null) {
                    throw axisNode.error("this per-profile grid axis lists no values for the '" + profile + "' profile");
                }
                axisNode = axisNode.get(profile);
            }
            List<YamlNode> values = axisNode.asList();
            if (values.isEmpty()) {
                throw axisNode.error("the grid axis has no values");
            }
            List<Map<String, YamlNode>> next = new ArrayList<>();
            for (Map<String, YamlNode> p : points) {
                for (YamlNode v : values) {
                    Map<String, YamlNode> q = new LinkedHashMap<>(p);
                    q.put(key, v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }

    private static Map<String, String> texts(Map<String, YamlNode> hp) {
        Map<String, String> out = new LinkedHashMap<>();
        hp.forEach((k, v) -> out.put(k, v.asText()));
        return out;
    }

    /** The overrides as the run will get them (strings), checked as the run checks them. */
    private Map<String, String> checkHyperparams(String method, MethodFactory f, String dataset, Map<String, YamlNode> hp) {
        Map<String, String> values = texts(hp);
        checkAt(method, f, dataset, values, hp::get);
        return values;
    }

    /**
     * The run's own check ({@link Hyperparams#resolve}: declared keys, values of their declared kind), with
     * a bad key or value reported at the YAML node {@code nodeOf} gives for it.
     */
    private void checkAt(String method, MethodFactory f, String dataset, Map<String, String> values,
                         java.util.function.Function<String, YamlNode> nodeOf) {
        if (!checked.add(List.of(method, dataset, new java.util.TreeMap<>(values)))) {
            return; // the same overrides in another profile or cell: checked once
        }
        try {
            Hyperparams.resolve(method, f.hyperparameters(dataset), values);
        } catch (Hyperparams.BadValue e) {
            throw nodeOf.apply(e.key()).error(e.inSpec());
        }
    }

    /** One (group, method, grid point) with its settings: what cells and sweep trials are built from. */
    public record GroupTemplate(YamlNode group, String dataset, String method, Map<String, String> hp, Settings settings) {
        /** The run of {@code seed} with {@code extraHp} over the template's hyperparameters. */
        RunSpec run(String experiment, long seed, Map<String, String> extraHp) {
            Map<String, String> all = new LinkedHashMap<>(hp);
            all.putAll(extraHp);
            return settings.run(experiment, dataset, method, all, seed, group);
        }

        /** The sweep's run for trial parameters {@code params} (seed = the profile's first seed). */
        public Cell trialCell(String experiment, int index, Map<String, String> params) {
            return Cell.of(index, run(experiment, settings.seeds(group).get(0), params));
        }
    }

    /** A validated, expanded spec for one profile. */
    public record Expansion(ExperimentSpec spec, String profile, List<Cell> cells, GroupTemplate sweepTemplate,
                            SweepConfig sweep, int trials, String timeLimit, int throttle) {
        public Plan plan() {
            return new Plan(spec.name(), spec.file(), profile, timeLimit, throttle, cells, null);
        }
    }
}
