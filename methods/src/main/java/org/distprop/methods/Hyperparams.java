package org.distprop.methods;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hyperparameters of one run: the method's declared defaults overridden by the user's values.
 * {@link #resolve} is the one place values are checked (undeclared names, values not of their
 * {@link HyperParam.Kind}); the getters only read, and fail as a programming error when a method reads a
 * value as a kind it did not declare. Values are kept as given (the config hash is over them).
 */
public final class Hyperparams {
    private final String method;
    private final Map<String, String> values;
    private final Map<String, HyperParam> declared;

    private Hyperparams(String method, Map<String, String> values, Map<String, HyperParam> declared) {
        this.method = method;
        this.values = values;
        this.declared = declared;
    }

    /** A value a run rejects: {@code key} is the hyperparameter (so a spec can point at its line). */
    public static final class BadValue extends IllegalArgumentException {
        private final String key;
        private final String problem;
        private final String example;

        /** {@code example}: a value that would do (the default), or null for an unknown key. */
        BadValue(String key, String problem, String example) {
            super(problem + (example == null ? "" : "; pass e.g. --hp " + key + "=" + example));
            this.key = key;
            this.problem = problem;
            this.example = example;
        }

        public String key() {
            return key;
        }

        /** The message with the fix as an experiment spec writes it ({@code key: value}). */
        public String inSpec() {
            return problem + (example == null ? "" : "; write e.g. " + key + ": " + example);
        }
    }

    /**
     * Defaults of {@code declared}, overridden by {@code overrides}; rejects undeclared keys and values not
     * of their hyperparameter's kind with a {@link BadValue} naming the key, the value, what is allowed and
     * the fix.
     */
    public static Hyperparams resolve(String method, List<HyperParam> declared, Map<String, String> overrides) {
        Map<String, String> v = new TreeMap<>();
        Map<String, HyperParam> byName = new TreeMap<>();
        for (HyperParam p : declared) {
            v.put(p.name(), p.defaultValue());
            byName.put(p.name(), p);
        }
        for (var e : overrides.entrySet()) {
            HyperParam p = byName.get(e.getKey());
            if (p == null) {
                throw new BadValue(e.getKey(), "unknown hyperparameter '" + e.getKey() + "' for method " + method
                        + "; valid: " + String.join(", ", new ArrayList<>(v.keySet())), null);
            }
            String problem = p.problem(e.getValue());
            if (problem != null) {
                throw new BadValue(e.getKey(), "hyperparameter " + e.getKey() + "=" + e.getValue() + " of method " + method + " "
                        + problem, p.defaultValue());
            }
            v.put(e.getKey(), e.getValue());
        }
        return new Hyperparams(method, v, byName);
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String getString(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("method " + method + " reads undeclared hyperparameter '" + key + "'");
        }
        return v;
    }

    /** A numeric hyperparameter (in its kind's range: checked at resolve time). */
    public double getDouble(String key) {
        return Double.parseDouble(read(key, "a number", HyperParam.Kind::numeric));
    }

    /** A whole-number hyperparameter ({@link HyperParam#positiveInt}, {@link HyperParam#nonNegativeInt}). */
    public int getInt(String key) {
        return (int) Double.parseDouble(read(key, "a whole number", HyperParam.Kind::integral));
    }

    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(read(key, "a boolean", k -> k == HyperParam.Kind.BOOLEAN).strip().toLowerCase(Locale.ROOT));
    }

    /** The value of a {@link HyperParam#choice} hyperparameter, lower-case. */
    public String getChoice(String key) {
        return read(key, "a choice", k -> k == HyperParam.Kind.CHOICE).strip().toLowerCase(Locale.ROOT);
    }

    private String read(String key, String as, java.util.function.Predicate<HyperParam.Kind> kindOk) {
        String v = getString(key);
        if (!kindOk.test(declared.get(key).kind())) {
            throw new IllegalStateException("method " + method + " reads '" + key + "' as " + as + " but declares it "
                    + declared.get(key).kind());
        }
        return v;
    }
}
