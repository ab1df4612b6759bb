package org.distprop.methods;

import org.distprop.datasets.Dataset;
import org.distprop.datasets.ImageShape;

/** What a method needs to know about its data: name (for per-dataset defaults), shape, sizes. */
public record DatasetInfo(String name, ImageShape shape, int numClasses, int trainSize) {
    public static DatasetInfo of(Dataset d) {
        return new DatasetInfo(d.name(), d.shape(), d.numClasses(), d.train().size());
    }
}
