package org.distprop.methods;

import java.util.List;
import java.util.Locale;

/**
 * A named hyperparameter a method accepts, its default (per dataset), what it means and what kind of
 * value it takes. The kind is checked once, when the run's hyperparameters are resolved
 * ({@link Hyperparams#resolve}), so a bad value fails before any data loads.
 */
public record HyperParam(String name, String defaultValue, String description, Kind kind) {
    /** A hyperparameter whose values are checked where they are read (numbers: see {@link Hyperparams#getDouble}). */
    public HyperParam(String name, String defaultValue, String description) {
        this(name, defaultValue, description, Kind.ANY);
    }

    /** One of {@code choices} (case-insensitive); the description should say what each means. */
    public static HyperParam choice(String name, String defaultValue, String description, String... choices) {
        return new HyperParam(name, defaultValue, description, new Kind("choice", List.of(choices)));
    }

    /** A whole number > 0 (counts: samples, inner steps). */
    public static HyperParam positiveInt(String name, String defaultValue, String description) {
        return new HyperParam(name, defaultValue, description, Kind.POSITIVE_INT);
    }

    /** What values a hyperparameter takes: {@code choices} for a choice, else empty. */
    public record Kind(String type, List<String> choices) {
        public static final Kind ANY = new Kind("any", List.of());
        public static final Kind POSITIVE_INT = new Kind("positive_int", List.of());
    }

    /** Why {@code value} is not of this hyperparameter's kind, or null when it is. */
    public String problem(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        switch (kind.type()) {
            case "choice":
                return kind.choices().contains(v) ? null : "must be one of " + String.join(", ", kind.choices());
            case "positive_int":
                try {
                    double d = Double.parseDouble(v);
                    return d > 0 && d == Math.rint(d) && d <= Integer.MAX_VALUE ? null : "must be a whole number > 0";
                } catch (NumberFormatException e) {
                    return "must be a whole number > 0";
                }
            default:
                return null;
        }
    }
}
