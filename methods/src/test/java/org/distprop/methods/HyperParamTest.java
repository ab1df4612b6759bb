package org.distprop.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each hyperparameter kind: what it accepts, what it rejects, and that the error names the value and the fix. */
class HyperParamTest {
    static final List<HyperParam> DECLARED = List.of(
            HyperParam.positive("lr", "0.01", "learning rate"),
            HyperParam.nonNegative("halving_epochs", "8", "halve every this many epochs (0 = never)"),
            HyperParam.fraction("beta1", "0.9", "Adam beta1"),
            HyperParam.positiveInt("samples", "32", "samples per class"),
            HyperParam.nonNegativeInt("warmup", "0", "warm-up steps"),
            HyperParam.bool("readout_only", "false", "train only the read-out"),
            HyperParam.choice("shrink", "soft", "shrinkage", HyperParam.option("soft", "paper"), HyperParam.option("hard", "ImageNet")));

    static Hyperparams.BadValue bad(String key, String value) {
        return assertThrows(Hyperparams.BadValue.class, () -> Hyperparams.resolve("m", DECLARED, Map.of(key, value)));
    }

    static void rejected(String key, String value, String allowed, String fix) {
        Hyperparams.BadValue e = bad(key, value);
        assertEquals(key, e.key());
        assertEquals("hyperparameter " + key + "=" + value + " of method m must be " + allowed + "; pass e.g. --hp " + key + "=" + fix,
                e.getMessage());
        assertEquals("hyperparameter " + key + "=" + value + " of method m must be " + allowed + "; write e.g. " + key + ": " + fix,
                e.inSpec());
    }

    @Test
    void positiveNumbers() {
        for (String v : List.of("0", "-0.1", "abc", "NaN", "Infinity", "")) {
            rejected("lr", v, "a number > 0", "0.01");
        }
        Hyperparams hp = Hyperparams.resolve("m", DECLARED, Map.of("lr", "1e-4"));
        assertEquals(1e-4, hp.getDouble("lr"));
        assertEquals("1e-4", hp.asMap().get("lr"), "the value is kept as given (config hashes are over it)");
    }

    @Test
    void nonNegativeNumbersAcceptZero() {
        assertEquals(0.0, Hyperparams.resolve("m", DECLARED, Map.of("halving_epochs", "0")).getDouble("halving_epochs"));
        assertEquals(2.5, Hyperparams.resolve("m", DECLARED, Map.of("halving_epochs", "2.5")).getDouble("halving_epochs"));
        rejected("halving_epochs", "-1", "a number >= 0", "8");
        rejected("halving_epochs", "never", "a number >= 0", "8");
    }

    @Test
    void fractionsAreHalfOpen() {
        assertEquals(0.0, Hyperparams.resolve("m", DECLARED, Map.of("beta1", "0")).getDouble("beta1"));
        assertEquals(0.999, Hyperparams.resolve("m", DECLARED, Map.of("beta1", "0.999")).getDouble("beta1"));
        rejected("beta1", "1", "a number in [0, 1)", "0.9");
        rejected("beta1", "-0.1", "a number in [0, 1)", "0.9");
    }

    @Test
    void integers() {
        assertEquals(5, Hyperparams.resolve("m", DECLARED, Map.of("samples", "5")).getInt("samples"));
        assertEquals(5, Hyperparams.resolve("m", DECLARED, Map.of("samples", "5.0")).getInt("samples"), "a whole number written as 5.0");
        for (String v : List.of("0", "2.5", "-3", "five", "1e10")) {
            rejected("samples", v, "a whole number > 0", "32");
        }
        assertEquals(0, Hyperparams.resolve("m", DECLARED, Map.of("warmup", "0")).getInt("warmup"));
        rejected("warmup", "-1", "a whole number >= 0", "0");
        rejected("warmup", "0.5", "a whole number >= 0", "0");
    }

    @Test
    void booleans() {
        assertTrue(Hyperparams.resolve("m", DECLARED, Map.of("readout_only", "TRUE")).getBoolean("readout_only"));
        rejected("readout_only", "yes", "true or false", "false");
        rejected("readout_only", "1", "true or false", "false");
    }

    @Test
    void choicesAreDeclaredOnceForTheCheckTheHelpAndTheError() {
        assertEquals("hard", Hyperparams.resolve("m", DECLARED, Map.of("shrink", "HARD")).getChoice("shrink"));
        rejected("shrink", "medium", "one of soft, hard", "soft");
        HyperParam shrink = DECLARED.get(6);
        assertEquals("shrinkage: soft (paper), hard (ImageNet)", shrink.help());
        assertEquals("learning rate (a number > 0)", DECLARED.get(0).help());
        assertEquals(List.of("soft", "hard"), shrink.choices());
    }

    @Test
    void unknownKeysListTheValidOnes() {
        Hyperparams.BadValue e = bad("momentum", "0.9");
        assertEquals("momentum", e.key());
        assertEquals("unknown hyperparameter 'momentum' for method m; valid: beta1, halving_epochs, lr, readout_only, samples, shrink, warmup",
                e.getMessage());
    }

    @Test
    void aFactoryDefaultNotOfItsKindIsAProgrammingError() {
        assertThrows(IllegalStateException.class, () -> HyperParam.positive("lr", "0", "learning rate"));
        assertThrows(IllegalStateException.class, () -> HyperParam.choice("s", "x", "d", List.of("a", "b")));
        assertThrows(IllegalStateException.class, () -> DECLARED.get(6).withDefault("medium"));
        assertNull(DECLARED.get(3).problem("7"));
    }

    @Test
    void readingAValueAsAnotherKindThanDeclaredIsAProgrammingError() {
        Hyperparams hp = Hyperparams.resolve("m", DECLARED, Map.of());
        assertThrows(IllegalStateException.class, () -> hp.getChoice("lr"));
        assertThrows(IllegalStateException.class, () -> hp.getDouble("shrink"));
        assertThrows(IllegalStateException.class, () -> hp.getInt("lr"));
        assertThrows(IllegalStateException.class, () -> hp.getBoolean("samples"));
    }

    /** Every registered method declares a kind for every hyperparameter, and its defaults are of that kind, on every dataset. */
    @Test
    void everyRegisteredDefaultIsOfItsKind() {
        for (String name : MethodRegistry.names()) {
            for (String dataset : List.of("mnist", "cifar10", "imagenet", "imagenet-synthetic")) {
                for (HyperParam p : MethodRegistry.get(name).hyperparameters(dataset)) {
                    assertNull(p.problem(p.defaultValue()), name + " " + p.name());
                }
            }
        }
    }
}
