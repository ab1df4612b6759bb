package org.distprop.methods;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A named hyperparameter a method accepts: its default (per dataset), what it means and the {@link Kind} of
 * value it takes. The kind is the one place a value's validity is stated: {@link Hyperparams#resolve} checks
 * every value against it before any data loads, the spec validation reuses that check, and {@link #help()}
 * (what {@code distprop methods} prints) says what it allows. A choice's values are declared once, with
 * their meanings, and used for the check, the help text and the error message.
 */
public record HyperParam(String name, String defaultValue, String description, Kind kind, List<Option> options) {
    /** What values a hyperparameter takes. */
    public enum Kind {
        POSITIVE("a number > 0"),
        NON_NEGATIVE("a number >= 0"),
        /** Adam's betas, momenta: [0, 1). */
        FRACTION("a number in [0, 1)"),
        POSITIVE_INT("a whole number > 0"),
        NON_NEGATIVE_INT("a whole number >= 0"),
        BOOLEAN("true or false"),
        CHOICE("one of the listed values");

        private final String allowed;

        Kind(String allowed) {
            this.allowed = allowed;
        }

        public boolean numeric() {
            return this != BOOLEAN && this != CHOICE;
        }

        public boolean integral() {
            return this == POSITIVE_INT || this == NON_NEGATIVE_INT;
        }
    }

    /** One value of a choice and what it means (meaning may be empty). */
    public record Option(String value, String meaning) {
    }

    public HyperParam {
        options = List.copyOf(options);
        if ((kind == Kind.CHOICE) == options.isEmpty()) {
            throw new IllegalStateException("hyperparameter " + name + ": a choice lists its options, other kinds none");
        }
        if (!accepts(kind, options, defaultValue)) { // a factory's own mistake, caught whenever it lists its hyperparameters
            throw new IllegalStateException("hyperparameter " + name + ": default '" + defaultValue + "' is not " + kind);
        }
    }

    /** A number > 0 (learning rates, epsilons, scales). */
    public static HyperParam positive(String name, String defaultValue, String description) {
        return new HyperParam(name, defaultValue, description, Kind.POSITIVE, List.of());
    }

    /** A number >= 0 (margins; schedule lengths where 0 means "never"). */
    public static HyperParam nonNegative(String name, String defaultValue, String description) {
        return new HyperParam(name, defaultValue, description, Kind.NON_NEGATIVE, List.of());
    }

    /** A number in [0, 1) (Adam's betas, momenta). */
    public static HyperParam fraction(String name, String defaultValue, String description) {
        return new HyperParam(name, defaultValue, description, Kind.FRACTION, List.of());
    }

    /** A whole number > 0 (counts: samples, inner steps). */
    public static HyperParam positiveInt(String name, String defaultValue, String description) {
        return new HyperParam(name, defaultValue, description, Kind.POSITIVE_INT, List.of());
    }

    /** A whole number >= 0. */
    public static HyperParam nonNegativeInt(String name, String defaultValue, String description) {
        return new HyperParam(name, defaultValue, description, Kind.NON_NEGATIVE_INT, List.of());
    }

    /** true or false (case-insensitive). */
    public static HyperParam bool(String name, String defaultValue, String description) {
        return new HyperParam(name, defaultValue, description, Kind.BOOLEAN, List.of());
    }

    /** One of {@code options} (case-insensitive). */
    public static HyperParam choice(String name, String defaultValue, String description, Option... options) {
        return new HyperParam(name, defaultValue, description, Kind.CHOICE, List.of(options));
    }

    /** One of {@code values}, which need no explanation each (e.g. network names). */
    public static HyperParam choice(String name, String defaultValue, String description, List<String> values) {
        return new HyperParam(name, defaultValue, description, Kind.CHOICE, values.stream().map(v -> new Option(v, "")).toList());
    }

    /** An option of a choice. */
    public static Option option(String value, String meaning) {
        return new Option(value, meaning);
    }

    /** The same hyperparameter with another default (a {@link VariantFactory}'s configuration). */
    public HyperParam withDefault(String value) {
        return new HyperParam(name, value, description, kind, options);
    }

    /** The values of a choice (empty for other kinds). */
    public List<String> choices() {
        return options.stream().map(Option::value).toList();
    }

    /** What the kind allows, as an error message says it: "a number > 0", "one of soft, hard". */
    public String allowed() {
        return kind == Kind.CHOICE ? "one of " + String.join(", ", choices()) : kind.allowed;
    }

    /** The description with what the kind allows, for listings and --help. */
    public String help() {
        if (kind != Kind.CHOICE) {
            return description + " (" + kind.allowed + ")";
        }
        List<String> each = new ArrayList<>();
        for (Option o : options) {
            each.add(o.meaning().isEmpty() ? o.value() : o.value() + " (" + o.meaning() + ")");
        }
        return description + ": " + String.join(", ", each);
    }

    /** Why {@code value} is not of this hyperparameter's kind ("must be ..."), or null when it is. */
    public String problem(String value) {
        return accepts(kind, options, value) ? null : "must be " + allowed();
    }

    // static: the compact constructor checks the default before the fields are assigned
    private static boolean accepts(Kind kind, List<Option> options, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case CHOICE -> options.stream().anyMatch(o -> o.value().equals(v));
            case BOOLEAN -> v.equals("true") || v.equals("false");
            default -> numberOk(kind, v);
        };
    }

    private static boolean numberOk(Kind kind, String v) {
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return false;
        }
        if (!Double.isFinite(d) || (kind.integral() && (d != Math.rint(d) || d > Integer.MAX_VALUE))) {
            return false;
        }
        return switch (kind) {
            case POSITIVE, POSITIVE_INT -> d > 0;
            case NON_NEGATIVE, NON_NEGATIVE_INT -> d >= 0;
            case FRACTION -> d >= 0 && d < 1;
            default -> throw new AssertionError(kind);
        };
    }
}
