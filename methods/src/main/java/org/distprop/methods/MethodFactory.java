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
}
