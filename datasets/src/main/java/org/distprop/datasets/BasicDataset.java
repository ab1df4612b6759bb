package org.distprop.datasets;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A dataset assembled from two splits; {@code skipped} reports files left out because they could
 * not be read (a supplier, since lazily decoding splits discover bad files during training).
 */
public record BasicDataset(String name, String source, int numClasses, ImageShape shape, Split train, Split test,
                           Map<String, String> checksums, Supplier<List<String>> skipped) implements Dataset {
    public BasicDataset(String name, String source, int numClasses, ImageShape shape, Split train, Split test,
                        Map<String, String> checksums) {
        this(name, source, numClasses, shape, train, test, checksums, List::of);
    }

    @Override
    public List<String> skippedFiles() {
        return skipped.get();
    }
}
