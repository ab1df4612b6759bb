package org.distprop.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The TensorFlow environment of every distprop JVM, as {@code tf.env} at the repository root defines it (copied
 * into this package by the build; the launcher, the surefire and JMH java wrapper {@code scripts/tf/bin/java} read the
 * same file). TensorFlow reads these variables before a JVM's first session, so a JVM cannot set them for itself:
 * processes this JVM starts (workers, Slurm tasks) get them from here, and manifests record the values in effect.
 */
public final class TfEnvironment {
    private static final Map<String, String> DEFAULTS = load();

    private TfEnvironment() {
    }

    private static Map<String, String> load() {
        try (InputStream in = TfEnvironment.class.getResourceAsStream("tf.env")) {
            if (in == null) {
                throw new IllegalStateException("tf.env is missing from the harness class path; rebuild with 'make build'");
            }
            List<String> order = new ArrayList<>();
            Properties p = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    order.add((String) key);
                    return super.put(key, value);
                }
            };
            p.load(in);
            Map<String, String> m = new LinkedHashMap<>();
            for (String k : order) {
                m.put(k, p.getProperty(k).strip());
            }
            return Collections.unmodifiableMap(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The variables and their values, in tf.env's order. */
    public static Map<String, String> defaults() {
        return DEFAULTS;
    }

    /** Sets each variable that {@code env} (a child process's environment) leaves unset or empty. */
    public static void applyTo(Map<String, String> env) {
        DEFAULTS.forEach((k, v) -> {
            String have = env.get(k);
            if (have == null || have.isEmpty()) {
                env.put(k, v);
            }
        });
    }

    /** This process's values of the variables (null where unset): what runs and benchmarks record. */
    public static Map<String, String> inEffect() {
        Map<String, String> m = new LinkedHashMap<>();
        DEFAULTS.keySet().forEach(k -> m.put(k, System.getenv(k)));
        return m;
    }

    /** Bash lines exporting the variables, keeping a value already set: {@code export K="${K:-v}"}. */
    public static String shellExports() {
        StringBuilder s = new StringBuilder();
        DEFAULTS.forEach((k, v) -> s.append("export ").append(k).append("=\"${").append(k).append(":-").append(v).append("}\"\n"));
        return s.toString();
    }
}
