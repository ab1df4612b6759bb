package org.distprop.harness.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.distprop.harness.UserError;
import org.distprop.harness.cli.Main;
import org.distprop.harness.sweep.Param;
import org.distprop.harness.sweep.SweepConfig;
import org.distprop.harness.yaml.SpecError;
import org.distprop.harness.yaml.YamlNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec parsing, validation with file:line messages, and expansion into cells (no TensorFlow, no data). */
class ExperimentSpecTest {
    static final String PROFILES = """
            profiles:
              ci:    {seeds: 2, steps: 12, batch_size: 32, train_per_class: 10}
              quick: {seeds: [5, 7, 9], steps: 100, batch_size: 64}
              paper: {seeds: 10, steps: 6500, batch_size: 1024, time_limit: "04:00:00", throttle: 8}
            """;

    static ExperimentSpec spec(String body) {
        return ExperimentSpec.parse("experiment: t\n" + PROFILES + body, "t.yaml");
    }

    /** Line numbers below count from 1 at "experiment:"; PROFILES takes lines 2-5. */
    static SpecError error(String body, String profile) {
        return assertThrows(SpecError.class, () -> spec(body).expand(profile));
    }

    @Test
    void anOptionalEarlyProfileExpandsAndIsValidatedWithTheOthers() {
        String body = """
                groups:
                  - dataset: mnist
                    methods: [sgd]
                    profiles: {early: {steps: 590}}
                """;
        String withEarly = PROFILES.replace("  paper:", "  early: {seeds: 1, steps: 59, batch_size: 1024, eval_every: 59}\n  paper:");
        var e = ExperimentSpec.parse("experiment: t\n" + withEarly + body, "t.yaml").expand("early");
        assertEquals(1, e.cells().size());
        assertEquals(590, e.cells().get(0).run().steps());
        assertEquals(1024, e.cells().get(0).run().batchSize());
        // a bad value in the early profile is caught when another profile is expanded
        String bad = PROFILES.replace("  paper:", "  early: {seeds: 1, steps: -5, batch_size: 1024}\n  paper:");
        SpecError err = assertThrows(SpecError.class, () -> ExperimentSpec.parse("experiment: t\n" + bad + body.replace("steps: 590", "seeds: 1"),
                "t.yaml").expand("ci"));
        assertTrue(err.getMessage().contains("must be > 0"), err.getMessage());
    }

    @Test
    void expandsMethodsGridAndSeedsInOrder() {
        var e = spec("""
                groups:
                  - dataset: mnist
                    methods: [sgd]
                    grid: {hp.lr: [0.01, 0.02], batch_size: [16, 32]}
                """).expand("quick");
        assertEquals(2 * 2 * 3, e.cells().size());
        Cell first = e.cells().get(0);
        assertEquals(Map.of("lr", "0.01"), first.run().hyperparams());
        assertEquals(16, first.run().batchSize());
        assertEquals(5, first.run().seed());
        assertEquals(List.of(5L, 7L, 9L), e.cells().subList(0, 3).stream().map(c -> c.run().seed()).toList());
        for (int i = 0; i < e.cells().size(); i++) {
            assertEquals(i, e.cells().get(i).index());
        }
        assertTrue(first.record().startsWith("t/mnist/sgd/"), first.record());
        assertTrue(first.record().endsWith("/seed-5"));
        assertEquals(12, e.cells().stream().map(Cell::record).distinct().count(), "every cell its own record");
    }

    @Test
    void profileAndGroupOverridesAndPerProfileGrid() {
        String body = """
                groups:
                  - dataset: mnist
                    methods: sgd
                    profiles: {paper: {steps: 20000}}
                    grid: {train_per_class: {ci: [10], quick: [100, 200], paper: [0]}}
                """;
        var paper = spec(body).expand("paper");
        assertEquals(10, paper.cells().size());
        assertEquals(20000, paper.cells().get(0).run().steps());
        assertEquals("04:00:00", paper.timeLimit());
        assertEquals(8, paper.throttle());
        var ci = spec(body).expand("ci");
        assertEquals(2, ci.cells().size());
        assertEquals(12, ci.cells().get(0).run().steps());
        assertEquals(6, spec(body).expand("quick").cells().size());
    }

    @Test
    void hyperparameterValuesKeepTheirSourceText() {
        var e = spec("""
                groups:
                  - dataset: mnist
                    methods: [sgd]
                    hp: {sgd: {lr: 0.0003638}}
                """).expand("ci");
        assertEquals("0.0003638", e.cells().get(0).run().hyperparams().get("lr"));
    }

    @Test
    void unknownMethodNamesFileLineAndKey() {
        SpecError e = error("""
                groups:
                  - dataset: mnist
                    methods:
                      - sgd
                      - magicprop
                """, "ci");
        assertEquals("t.yaml", e.file());
        assertEquals(10, e.line());
        assertEquals("groups[0].methods[1]", e.key());
        assertTrue(e.getMessage().contains("unknown method 'magicprop'"), e.getMessage());
        assertTrue(e.getMessage().startsWith("t.yaml:10: groups[0].methods[1]: "), e.getMessage());
    }

    @Test
    void unknownDatasetAndUnknownHyperparameterNameTheirLines() {
        SpecError d = error("""
                groups:
                  - dataset: mnist
                    methods: [sgd]
                  - dataset: fashion
                    methods: [sgd]
                """, "ci");
        assertEquals(9, d.line());
        assertTrue(d.getMessage().contains("unknown dataset 'fashion'"), d.getMessage());

        SpecError h = error("""
                groups:
                  - dataset: mnist
                    methods: [sgd]
                    hp:
                      sgd:
                        lr: 0.1
                        momentum: 0.9
                """, "ci");
        assertEquals(12, h.line());
        assertEquals("groups[0].hp.sgd.momentum", h.key());
        assertTrue(h.getMessage().contains("unknown hyperparameter 'momentum' for method sgd; valid: arch, lr, optimizer"), h.getMessage());

        SpecError neg = error("""
                groups:
                  - dataset: mnist
                    methods: [sgd]
                    hp: {sgd: {lr: -0.5}}
                """, "ci");
        assertEquals(9, neg.line());
        assertTrue(neg.getMessage().contains("lr=-0.5 of method sgd must be a number > 0"), neg.getMessage());
    }

    /** OAM's lr_halving_epochs=0 means "never" and is accepted; its learning rates must still be > 0. */
    @Test
    void scheduleLengthsAreNotLearningRates() {
        var e = spec("""
                groups:
                  - dataset: mnist
                    methods: [oam]
                    hp: {oam: {lr_halving_epochs: 0}}
                """).expand("ci");
        assertEquals("0", e.cells().get(0).run().hyperparams().get("lr_halving_epochs"));
        SpecError neg = error("""
                groups:
                  - dataset: mnist
                    methods: [oam]
                    hp: {oam: {lr_weights: 0}}
                """, "ci");
        assertTrue(neg.getMessage().contains("lr_weights") && neg.getMessage().contains("must be a number > 0"), neg.getMessage());
        SpecError negEpochs = error("""
                groups:
                  - dataset: mnist
                    methods: [oam]
                    hp: {oam: {lr_halving_epochs: -1}}
                """, "ci");
        assertTrue(negEpochs.getMessage().contains("lr_halving_epochs") && negEpochs.getMessage().contains(">= 0"), negEpochs.getMessage());
    }

    @Test
    void unknownProfileMissingProfileAndBadSettings() {
        String ok = """
                groups:
                  - dataset: mnist
                    methods: [sgd]
                """;
        SpecError p = error(ok, "huge");
        assertEquals(2, p.line());
        assertTrue(p.getMessage().contains("unknown profile 'huge'; valid profiles: ci, quick, early, paper"), p.getMessage());
        // early is optional: a spec without it says which profiles it has
        SpecError noEarly = error(ok, "early");
        assertTrue(noEarly.getMessage().contains("spec t has no 'early' profile; it defines ci, quick, paper"), noEarly.getMessage());

        SpecError missing = assertThrows(SpecError.class, () -> ExperimentSpec.parse("""
                experiment: t
                profiles:
                  ci: {seeds: 1, steps: 1, batch_size: 1}
                groups: [{dataset: mnist, methods: [sgd]}]
                """, "m.yaml").expand("ci"));
        assertTrue(missing.getMessage().contains("'quick' is missing"), missing.getMessage());

        SpecError steps = assertThrows(SpecError.class, () -> ExperimentSpec.parse("""
                experiment: t
                profiles:
                  ci: {seeds: 1, steps: 1, batch_size: 1}
                  quick: {seeds: 1, steps: -5, batch_size: 1}
                  paper: {seeds: 1, steps: 1, batch_size: 1}
                groups: [{dataset: mnist, methods: [sgd]}]
                """, "s.yaml").expand("ci"));
        assertEquals(4, steps.line(), "a bad value in another profile is still caught");

        SpecError typo = error("""
                groups:
                  - dataset: mnist
                    method: [sgd]
                """, "ci");
        assertEquals(8, typo.line());
        assertTrue(typo.getMessage().contains("unknown key 'method'"), typo.getMessage());
    }

    @Test
    void sweepInTheAuthorsWandbFormat() {
        // the shape of the authors' sweep_hyper.yaml (method-spec §4.4), with experiment_buddy's ^ prefix
        YamlNode n = YamlNode.parse("""
                program: main.py
                method: bayes
                metric:
                  name: test/acc_1
                  goal: maximize
                parameters:
                  ^lr:
                    distribution: log_uniform
                    min: -6
                    max: -1
                  ^optimizer:
                    values: [adagrad, sgd]
                  arch:
                    value: mnist-cnn
                """, "sweep.yaml");
        SweepConfig s = SweepConfig.parse(n);
        assertEquals("test_top1", s.metric());
        assertTrue(s.maximize());
        assertEquals(2, s.space().size());
        Param.Range lr = (Param.Range) s.space().get(0);
        assertEquals("lr", lr.name());
        assertEquals(Math.exp(-6), Double.parseDouble(lr.decode(0)), 1e-12, "log_uniform bounds are natural-log exponents");
        assertEquals(Math.exp(-1), Double.parseDouble(lr.decode(1)), 1e-12);
        assertEquals(Map.of("arch", "mnist-cnn"), s.constants());
    }

    @Test
    void sweepNegativeRangeAndUnknownParameterAreLineErrors() {
        String head = """
                groups:
                  - dataset: mnist
                    methods: [sgd]
                sweep:
                  method: bayes
                  metric: {name: test/accuracy, goal: maximize}
                  parameters:
                """;
        String profiles = PROFILES.replace("train_per_class: 10}", "train_per_class: 10, trials: 3}")
                .replace("batch_size: 64}", "batch_size: 64, trials: 3}").replace("throttle: 8}", "throttle: 8, trials: 3}");
        SpecError range = assertThrows(SpecError.class, () -> ExperimentSpec.parse("experiment: t\n" + profiles + head + """
                    lr: {distribution: log_uniform, min: -1, max: -6}
                """, "r.yaml").expand("ci"));
        assertEquals(13, range.line());
        assertTrue(range.getMessage().contains("negative range"), range.getMessage());
        SpecError unknown = assertThrows(SpecError.class, () -> ExperimentSpec.parse("experiment: t\n" + profiles + head + """
                    lr: {distribution: log_uniform, min: -6, max: -1}
                    warmup: {values: [1, 2]}
                """, "u.yaml").expand("ci"));
        assertEquals(14, unknown.line());
        assertTrue(unknown.getMessage().contains("unknown hyperparameter 'warmup'"), unknown.getMessage());
        var ok = ExperimentSpec.parse("experiment: t\n" + profiles + head + """
                    lr: {distribution: log_uniform, min: -6, max: -1}
                """, "ok.yaml").expand("ci");
        assertEquals(0, ok.cells().size(), "a sweep's group is its trial template, not cells");
        assertEquals(3, ok.trials());
    }

    @Test
    void badSpecsFailBeforeAnythingIsWritten(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "experiment: bad\n" + PROFILES + """
                groups:
                  - dataset: mnist
                    methods: [sgd, nosuchmethod]
                """);
        Path results = tmp.resolve("results");
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true));
            code = Main.execute("experiment", bad.toString(), "--profile", "ci", "--results", results.toString());
            assertEquals(Main.EXIT_USER_ERROR, code);
            assertEquals(Main.EXIT_USER_ERROR, Main.execute("experiment", "no-such-spec", "--results", results.toString()));
            assertEquals(Main.EXIT_USER_ERROR, Main.execute("experiment", bad.toString(), "--profile", "gigantic",
                    "--results", results.toString()));
        } finally {
            System.setErr(oldErr);
        }
        String msg = err.toString();
        assertTrue(msg.contains("bad.yaml:8: groups[0].methods[1]: unknown method 'nosuchmethod'"), msg);
        assertTrue(msg.contains("unknown experiment spec 'no-such-spec'; built-in specs: table1, fig2, fig3, fig4, fig4-asrun, scaling"), msg);
        assertTrue(msg.contains("unknown profile 'gigantic'"), msg);
        assertFalse(Files.exists(results), "nothing may be written for a bad spec");
    }

    /** A value not of its declared kind stops `distprop experiment` at its YAML line, exit 2, before any data loads. */
    @Test
    void aBadHyperparameterValueFailsAtItsLineBeforeAnyDataLoads(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "experiment: bad\n" + PROFILES + """
                groups:
                  - dataset: mnist
                    methods: [distprop]
                    hp:
                      distprop:
                        step_rule: leapfrog
                """);
        Path data = Files.createDirectories(tmp.resolve("no-data")); // reaching the data load would fail differently
        Path results = tmp.resolve("results");
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true));
            assertEquals(Main.EXIT_USER_ERROR, Main.execute("experiment", bad.toString(), "--profile", "ci",
                    "--results", results.toString(), "--data-dir", data.toString()));
        } finally {
            System.setErr(oldErr);
        }
        String msg = err.toString();
        assertTrue(msg.contains("bad.yaml:11: groups[0].hp.distprop.step_rule: hyperparameter step_rule=leapfrog of method distprop"
                + " must be one of extragradient, legacy_double_step, gda; write e.g. step_rule: extragradient"), msg);
        assertFalse(Files.exists(results), "nothing written");
        try (var files = Files.list(data)) {
            assertEquals(0, files.count(), "nothing fetched");
        }
    }

    /** Each kind's check at its YAML line: booleans, fractions, non-negative numbers; a grid axis value too. */
    @Test
    void everyKindIsCheckedAtItsYamlLine() {
        SpecError bool = error("""
                groups:
                  - dataset: mnist
                    methods: [dtp]
                    hp: {dtp: {readout_only: maybe}}
                """, "ci");
        assertEquals(9, bool.line(), bool.getMessage());
        assertTrue(bool.getMessage().contains("readout_only=maybe of method dtp must be true or false"), bool.getMessage());
        SpecError beta = error("""
                groups:
                  - dataset: mnist
                    methods: [dtp]
                    hp: {dtp: {beta2: 1.5}}
                """, "ci");
        assertTrue(beta.getMessage().contains("beta2=1.5 of method dtp must be a number in [0, 1); write e.g. beta2: 0.999"), beta.getMessage());
        SpecError margin = error("""
                groups:
                  - dataset: mnist
                    methods: [extraprop]
                    grid:
                      hp.margin: [0.1, -0.2]
                """, "ci");
        assertEquals(10, margin.line(), margin.getMessage());
        assertTrue(margin.getMessage().contains("margin=-0.2 of method extraprop must be a number >= 0"), margin.getMessage());
    }

    @Test
    void planRoundTripsThroughJson(@TempDir Path tmp) {
        var e = spec("""
                groups:
                  - dataset: mnist
                    methods: [sgd]
                    hp: {sgd: {lr: 0.05}}
                """).expand("paper");
        Path f = e.plan().file(tmp);
        e.plan().write(f);
        Plan back = Plan.read(f);
        assertEquals(e.plan(), back);
        assertEquals(tmp.toAbsolutePath().normalize(), Plan.resultsRootOf(f));
        assertThrows(UserError.class, () -> back.cell(10));
    }

    @Test
    void twoSpecsOfOneExperimentNameWriteTwoPlansAndOneSpecAlwaysTheSame(@TempDir Path tmp) {
        // e.g. table1 cut to one seed per spec, run side by side on one store: a worker or Slurm task that reads the
        // plan later must find its own spec's cells under its index
        String seed1 = """
                groups:
                  - dataset: mnist
                    methods: [sgd]
                """;
        Plan a = spec(seed1).expand("paper").plan();
        Plan b = spec(seed1.replace("methods: [sgd]", "methods: [gda]")).expand("paper").plan();
        assertEquals(a.experiment(), b.experiment());
        assertNotEquals(a.file(tmp), b.file(tmp));
        assertEquals(a.file(tmp), spec(seed1).expand("paper").plan().file(tmp), "rerunning a spec reuses its plan file");
        assertEquals(tmp.resolve(a.experiment()), a.file(tmp).getParent());
        assertTrue(a.file(tmp).getFileName().toString().matches("plan-paper-[0-9a-f]{12}\\.json"), a.file(tmp).toString());
        // and their workers' logs: both cells have index 0
        Cell ca = a.cells().get(0);
        Cell cb = b.cells().get(0);
        assertEquals(ca.index(), cb.index());
        assertNotEquals(ca.logFileName(), cb.logFileName());
        assertEquals(ca.record().replace('/', '-') + ".log", ca.logFileName());
        assertFalse(ca.logFileName().contains("/"));
    }

    @Test
    void shardsPartitionThePlan() {
        var s = ExperimentRunner.Shard.parse("1/3");
        var cells = spec("""
                groups:
                  - dataset: mnist
                    methods: [sgd]
                """).expand("paper").cells();
        assertEquals(List.of(1, 4, 7), cells.stream().filter(s::contains).map(Cell::index).toList());
        assertThrows(UserError.class, () -> ExperimentRunner.Shard.parse("3/3"));
        assertThrows(UserError.class, () -> ExperimentRunner.Shard.parse("x"));
    }

    @Test
    void tabIndentationIsReportedAtItsLineWithTheParsersDetail() {
        SpecError tab = assertThrows(SpecError.class, () -> ExperimentSpec.parse(
                "experiment: t\nprofiles:\n  ci: {seeds: 1, steps: 1, batch_size: 1}\ngroups:\n\t- dataset: mnist\n", "tab.yaml"));
        assertEquals(5, tab.line(), tab.getMessage());
        assertTrue(tab.getMessage().startsWith("tab.yaml:5: "), tab.getMessage());
        assertTrue(tab.getMessage().contains("found character '\\t(TAB)' that cannot start any token")
                && tab.getMessage().contains("indent with spaces"), tab.getMessage());
    }

    @Test
    void choiceAndIntegerHyperparametersAreCheckedAtTheirYamlLine() {
        SpecError choice = error("""
                groups:
                  - dataset: mnist
                    methods: [sgd]
                    hp: {sgd: {optimizer: foo}}
                """, "ci");
        assertEquals(9, choice.line(), choice.getMessage());
        assertTrue(choice.getMessage().contains("must be one of adagrad, sgd"), choice.getMessage());
        SpecError integer = error("""
                groups:
                  - dataset: mnist
                    methods: [oam]
                    hp: {oam: {code_steps: 2.5}}
                """, "ci");
        assertTrue(integer.getMessage().contains("code_steps=2.5 of method oam must be a whole number > 0"), integer.getMessage());
    }
}
