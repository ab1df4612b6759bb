package org.distprop.datasets;

/**
 * A minibatch: normalised images (channels-last, {@code size} examples), labels, and the dataset
 * indices of the examples (per-example auxiliary variables are rows addressed by these indices).
 */
public record Batch(float[] images, int[] labels, int[] indices, ImageShape shape) {
    public int size() {
        return labels.length;
    }
}
