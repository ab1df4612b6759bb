package org.distprop.methods;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hyperparameters of one run: the method's declared defaults overridden by the user's values.
 * Unknown names and malformed values are rejected with a message naming the key and the valid ones.
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

    /**
     * Defaults of {@code declared}, overridden by {@code overrides}; rejects undeclared keys and values
     * not of their hyperparameter's {@link HyperParam.Kind} (the one place those are checked).
     */
    public static Hyperparams resolve(String method, List<HyperParam> declared, Map<String, String> overrides) {
        Map<String, String> v = new TreeMap<>();
        Map<String, HyperParam> byName = new TreeMap<>();
        for (HyperParam p : declared) {
            v.put(p.name(), p.defaultValue());
            byName.put(p.name(), p);
        }
        for (var e : overrides.entrySet()) {
            if (!v.containsKey(e.getKey())) {
                List<String> valid = new ArrayList<>(v.keySet());
                throw new IllegalArgumentException("unknown hyperparameter '" + e.getKey() + "' for method " + method
                        + "; valid: " + String.join(", ", valid));
            }
            String problem = byName.get(e.getKey()).problem(e.getValue());
            if (problem != null) {
                throw new IllegalArgumentException("hyperparameter " + e.getKey() + "=" + e.getValue() + " of method " + method + " "
                        + problem + "; pass e.g. --hp " + e.getKey() + "=" + byName.get(e.getKey()).defaultValue());
            }
            v.put(e.getKey(), e.getValue());
        }
        return new Hyperparams(method, v, byName);
    }

    /**
     * Whether a key names a learning rate, which a run requires to be > 0: the {@code lr} prefix convention,
     * except schedule lengths such as OAM's {@code lr_halving_epochs} (where 0 means "never").
     */
    public static boolean isLearningRate(String key) {
        return key.startsWith("lr") && !key.endsWith("_epochs");
    }

    /**
     * The range checks the naming conventions imply, run before any data loads (harness Runner and spec
     * validation): learning rates > 0, schedule lengths ({@code *_epochs}) >= 0. Method-specific checks stay
     * in the methods.
     */
    public void checkNamedRanges() {
        for (String k : values.keySet()) {
            if (isLearningRate(k)) {
                getPositive(k);
            } else if (k.endsWith("_epochs") && !(getDouble(k) >= 0)) {
                throw new IllegalArgumentException("hyperparameter " + k + " of method " + method + " must be >= 0 (0 = never), got "
                        + getString(k) + "; pass e.g. --hp " + k + "=0");
            }
        }
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

    public double getDouble(String key) {
        String v = getString(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hyperparameter " + key + "=" + v + " of method " + method + " is not a number");
        }
    }

    /** A value that must be > 0 (learning rates, margins, counts). */
    public double getPositive(String key) {
        double d = getDouble(key);
        if (!(d > 0) || !Double.isFinite(d)) {
            throw new IllegalArgumentException("hyperparameter " + key + " of method " + method + " must be > 0, got "
                    + getString(key) + "; pass e.g. --hp " + key + "=0.01");
        }
        return d;
    }

    public int getPositiveInt(String key) {
        double d = getPositive(key);
        if (d != Math.rint(d)) {
            throw new IllegalArgumentException("hyperparameter " + key + " of method " + method + " must be a whole number, got " + getString(key));
        }
        return (int) d;
    }

    public boolean getBoolean(String key) {
        String v = getString(key).toLowerCase();
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("hyperparameter " + key + " of method " + method + " must be true or false, got " + v);
        }
        return Boolean.parseBoolean(v);
    }

    /** The value of a {@link HyperParam#choice} hyperparameter (checked at resolve time), lower-case. */
    public String getChoice(String key) {
        HyperParam p = declared.get(key);
        if (p == null || !p.kind().type().equals("choice")) {
            throw new IllegalStateException("method " + method + " reads '" + key + "' as a choice but does not declare it with HyperParam.choice");
        }
        return getString(key).strip().toLowerCase(java.util.Locale.ROOT);
    }
}
