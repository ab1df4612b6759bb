package org.distprop.methods;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** All methods on the class path, by name. */
public final class MethodRegistry {
    private static final Map<String, MethodFactory> FACTORIES = load();

    private MethodRegistry() {
    }

    private static Map<String, MethodFactory> load() {
        Map<String, MethodFactory> m = new TreeMap<>();
        for (MethodFactory f : ServiceLoader.load(MethodFactory.class)) {
            MethodFactory prev = m.put(f.name(), f);
            if (prev != null) {
                throw new IllegalStateException("two methods named " + f.name() + ": " + prev.getClass() + ", " + f.getClass());
            }
        }
        return m;
    }

    public static List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }

    /** Every registered factory, by name. */
    public static List<MethodFactory> factories() {
        return List.copyOf(FACTORIES.values());
    }

    public static MethodFactory get(String name) {
        MethodFactory f = FACTORIES.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown method '" + name + "'; valid methods: " + String.join(", ", names()));
        }
        return f;
    }
}
