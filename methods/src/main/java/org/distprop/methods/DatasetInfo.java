package org.distprop.methods;

import org.distprop.datasets.Dataset;
import org.distprop.datasets.ImageShape;
import org.distprop.datasets.Split;

/**
 * What a method needs to know about its data: name (for per-dataset defaults), shape, sizes, and
 * the training split itself ({@code train}, may be null) for methods whose auxiliary variables are
 * initialised from the data (ExtraProp's per-example states: one forward pass at construction).
 */
public record DatasetInfo(String name, ImageShape shape, int numClasses, int trainSize, Split train) {
    /** Without access to the examples (methods that need them fail with a clear message). */
    public DatasetInfo(String name, ImageShape shape, int numClasses, int trainSize) {
        this(name, shape, numClasses, trainSize, null);
    }

    public static DatasetInfo of(Dataset d) {
        return new DatasetInfo(d.name(), d.shape(), d.numClasses(), d.train().size(), d.train());
    }
}
