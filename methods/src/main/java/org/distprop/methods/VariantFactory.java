package org.distprop.methods;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named configuration of another method: the same factory and code with other defaults. Used for the
 * two configurations of ExtraProp and DistProp (issue: "as run", the authors' code that produced the
 * paper's numbers, beside "as described", the paper's equations), so each is a method name of its own
 * that every spec, results path, listing, benchmark and report picks up from the registry, and a user's
 * {@code --hp} still overrides any of them. A subclass registers like any factory (one class, one line in
 * META-INF/services).
 */
public abstract class VariantFactory implements MethodFactory {
    private final MethodFactory base;
    private final String name;
    private final String description;
    private final Map<String, String> defaults;

    /** {@code defaults}: hyperparameters of {@code base} whose default this variant changes (each must exist). */
    protected VariantFactory(MethodFactory base, String name, String description, Map<String, String> defaults) {
        this.base = base;
        this.name = name;
        this.description = description;
        this.defaults = new LinkedHashMap<>(defaults);
    }

    /** The method this is a configuration of. */
    public String baseMethod() {
        return base.name();
    }

    /** The defaults this variant changes, in declaration order. */
    public Map<String, String> changedDefaults() {
        return new LinkedHashMap<>(defaults);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        List<String> kv = new ArrayList<>();
        defaults.forEach((k, v) -> kv.add(k + "=" + v));
        return description + " [" + base.name() + " with " + String.join(", ", kv) + "]";
    }

    @Override
    public List<HyperParam> hyperparameters(String dataset) {
        List<HyperParam> out = new ArrayList<>();
        Map<String, String> left = new LinkedHashMap<>(defaults);
        for (HyperParam p : base.hyperparameters(dataset)) {
            String v = left.remove(p.name());
            out.add(v == null ? p : p.withDefault(v));
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException("variant " + name + " sets " + left.keySet() + ", which " + base.name() + " does not declare");
        }
        return out;
    }

    @Override
    public String primaryLearningRate() {
        return base.primaryLearningRate();
    }

    @Override
    public TrainingMethod create(MethodContext ctx) {
        return base.create(ctx);
    }
}
