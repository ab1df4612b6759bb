package org.distprop.datasets;

import java.util.Arrays;

/** Deterministic subsets of a split, for the small scale profiles. */
public final class Subsets {
    private Subsets() {
    }

    /** The first {@code perClass} examples of every class, in dataset order. */
    public static int[] firstPerClass(Split split, int numClasses, int perClass) {
        int[] taken = new int[numClasses];
        int[] keep = new int[(int) Math.min(split.size(), (long) numClasses * perClass)]; // long: perClass may be "all" (MAX_VALUE)
        int n = 0;
        for (int i = 0; i < split.size() && n < keep.length; i++) {
            int y = split.label(i);
            if (taken[y] < perClass) {
                taken[y]++;
                keep[n++] = i;
            }
        }
        return Arrays.copyOf(keep, n);
    }

    /**
     * {@code n} distinct indices drawn uniformly from the split with a seeded permutation, returned in
     * dataset order (a fixed, class-balanced-in-expectation subset for the small profiles).
     */
    public static int[] seededSample(Split split, int n, long seed) {
        int[] perm = Batcher.permutation(split.size(), new java.util.SplittableRandom(Seeds.mix(seed, 0x5AB5E7L)));
        int[] keep = Arrays.copyOf(perm, Math.min(n, perm.length));
        Arrays.sort(keep);
        return keep;
    }

    /** A view of {@code base} restricted to {@code keep}; example i of the view is keep[i] of the base. */
    public static Split view(Split base, int[] keep) {
        return new Split() {
            @Override
            public int size() {
                return keep.length;
            }

            @Override
            public ImageShape shape() {
                return base.shape();
            }

            @Override
            public int label(int index) {
                return base.label(keep[index]);
            }

            @Override
            public void fill(int[] indices, float[] dst, long seed, long step) {
                int[] mapped = new int[indices.length];
                for (int i = 0; i < indices.length; i++) {
                    mapped[i] = keep[indices[i]];
                }
                base.fill(mapped, dst, seed, step);
            }
        };
    }

    /** The dataset with train and test reduced to the first {@code trainPerClass}/{@code testPerClass} per class. */
    public static Dataset firstPerClass(Dataset d, int trainPerClass, int testPerClass) {
        Split tr = view(d.train(), firstPerClass(d.train(), d.numClasses(), trainPerClass));
        Split te = view(d.test(), firstPerClass(d.test(), d.numClasses(), testPerClass));
        String src = d.source() + ", subset: first " + trainPerClass + "/" + testPerClass + " per class (train/test)";
        return new BasicDataset(d.name(), src, d.numClasses(), d.shape(), tr, te, d.checksums(), d::skippedFiles);
    }
}
