package org.distprop.methods;

import java.util.List;

/**
 * Creates one training method. Registered with {@link java.util.ServiceLoader} (a line in
 * META-INF/services/org.distprop.methods.MethodFactory), so adding a method is one class and one line.
 */
public interface MethodFactory {
    /** Registry name, e.g. "sgd". */
    String name();

    /** One line for --help and listings. */
    String description();

    /** Accepted hyperparameters with their defaults for {@code dataset} (method-spec §5 values). */
    List<HyperParam> hyperparameters(String dataset);

    /** Name of the hyperparameter the CLI's --lr sets. */
    default String primaryLearningRate() {
        return "lr_theta";
    }

    TrainingMethod create(MethodContext ctx);

    /**
     * How reports show the method: its label in legends and tables, a colour ("#rrggbb", null = the reports'
     * fallback colour) and a rank (tables and legends sort by it, then by name). The harness writes it into each
     * results store it writes ({@code methods.json}), so reports show a new method without knowing its code.
     */
    default Presentation presentation() {
        return new Presentation(name(), null, Presentation.LAST);
    }

    /** See {@link #presentation()}. */
    record Presentation(String label, String color, int rank) {
        /** Rank of a method that declares none: after the declared ones. */
        public static final int LAST = 1000;
    }
}
