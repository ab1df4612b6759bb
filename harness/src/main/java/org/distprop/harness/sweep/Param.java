package org.distprop.harness.sweep;

import java.util.List;
import java.util.Locale;

/**
 * One swept hyperparameter and its distribution, mapped onto [0, 1] so every search method works in
 * the unit cube. wandb semantics: {@code log_uniform} bounds are natural-log exponents
 * (value = exp(U(min, max))), {@code log_uniform_values} bounds are the values themselves.
 */
public sealed interface Param {
    String name();

    /** The value for unit coordinate {@code u} in [0, 1], as the text a run config holds. */
    String decode(double u);

    /** The unit coordinate of a value previously produced by {@link #decode}. */
    double encode(String value);

    /** A real interval: uniform, log-uniform (natural-log exponent bounds) or integer-uniform. */
    record Range(String name, double min, double max, Scale scale) implements Param {
        public enum Scale { LINEAR, LOG, INT }

        @Override
        public String decode(double u) {
            double x = min + clamp(u) * (max - min);
            return switch (scale) {
                case LINEAR -> Double.toString(x);
                case LOG -> Double.toString(Math.exp(x));
                case INT -> Long.toString(Math.round(x));
            };
        }

        @Override
        public double encode(String value) {
            double v = Double.parseDouble(value);
            double x = scale == Scale.LOG ? Math.log(v) : v;
            return max == min ? 0.5 : clamp((x - min) / (max - min));
        }
    }

    /** A finite set of values (wandb {@code values:}); index i occupies [i/k, (i+1)/k). */
    record Choice(String name, List<String> values) implements Param {
        @Override
        public String decode(double u) {
            int k = values.size();
            return values.get(Math.min(k - 1, (int) Math.floor(clamp(u) * k)));
        }

        @Override
        public double encode(String value) {
            int i = values.indexOf(value);
            if (i < 0) {
                throw new IllegalArgumentException(name + " has no value " + value);
            }
            return (i + 0.5) / values.size();
        }
    }

    static double clamp(double u) {
        return Math.max(0, Math.min(1, u));
    }

    static String describe(Param p) {
        if (p instanceof Range r) {
            return String.format(Locale.ROOT, "%s %s [%s, %s]", r.name(), r.scale().name().toLowerCase(), r.min(), r.max());
        }
        return p.name() + " " + ((Choice) p).values();
    }
}
