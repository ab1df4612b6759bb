package org.distprop.datasets;

/**
 * One split (train or test) of a dataset: random access to normalised examples. Implementations may
 * hold everything in memory (MNIST, CIFAR) or decode on demand (ImageNet).
 */
public interface Split {
    int size();

    ImageShape shape();

    int label(int index);

    /**
     * Writes the normalised images of {@code indices} into {@code dst} (channels-last, one example
     * after another). {@code step} lets stochastic augmentation be a pure function of (seed, step).
     */
    void fill(int[] indices, float[] dst, long seed, long step);
}
