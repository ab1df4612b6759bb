package org.distprop.datasets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A split of encoded images decoded on demand, in parallel threads, with the ImageNet transforms:
 * training = RandomResizedCrop + flip drawn from (seed, step, index), so a batch is a pure function
 * of them; evaluation = Resize + CenterCrop. An image that cannot be decoded is reported once,
 * added to {@code skipped} and replaced by the next readable image of the same class (so labels
 * stay right and runs stay deterministic); only a class with no readable image is fatal.
 */
public final class DecodingSplit implements Split {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "image-decode");
                t.setDaemon(true);
                return t;
            });

    private final ImageStore store;
    private final int[] labels;
    private final boolean training;
    private final int crop;
    private final int resize;
    private final Set<String> skipped;
    private final Set<Integer> bad = ConcurrentHashMap.newKeySet();
    private final ImageShape shape;

    /**
     * @param labels   label of each image; images of one class must be contiguous (ImageFolder order)
     * @param skipped  shared set that collects the names of unreadable images (both splits)
     */
    public DecodingSplit(ImageStore store, int[] labels, boolean training, int crop, int resize, Set<String> skipped) {
        if (store.size() != labels.length) {
            throw new IllegalArgumentException(store.size() + " images but " + labels.length + " labels");
        }
        this.store = store;
        this.labels = labels;
        this.training = training;
        this.crop = crop;
        this.resize = resize;
        this.skipped = skipped;
        this.shape = new ImageShape(crop, crop, 3);
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public void fill(int[] indices, float[] dst, long seed, long step) {
        List<Future<?>> jobs = new ArrayList<>(indices.length);
        int n = shape.size();
        for (int b = 0; b < indices.length; b++) {
            int slot = b;
            jobs.add(POOL.submit(() -> {
                int i = indices[slot];
                RgbImage img = decodeOrSubstitute(i);
                ImageTransforms.Box box = training
                        ? ImageTransforms.randomResizedCrop(img.width(), img.height(),
                                new SplittableRandom(Batcher.mix(Batcher.mix(seed, step), i)))
                        : ImageTransforms.resizeCenterCrop(img.width(), img.height(), resize, crop);
                ImageTransforms.resampleNormalise(img, box, crop, ImageTransforms.IMAGENET_MEAN, ImageTransforms.IMAGENET_STD,
                        dst, slot * n);
                return null;
            }));
        }
        try {
            for (Future<?> f : jobs) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new DataException("image decoding failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException("interrupted while decoding images");
        }
    }

    /** Image {@code i}, or if it is unreadable the next readable image of its class (cyclically). */
    RgbImage decodeOrSubstitute(int i) {
        int y = labels[i];
        int lo = i;
        while (lo > 0 && labels[lo - 1] == y) {
            lo--;
        }
        int hi = i;
        while (hi + 1 < labels.length && labels[hi + 1] == y) {
            hi++;
        }
        int len = hi - lo + 1;
        for (int k = 0; k < len; k++) {
            int j = lo + (i - lo + k) % len;
            if (bad.contains(j)) {
                continue;
            }
            try {
                return ImageDecoder.decode(store.read(j), store.name(j));
            } catch (DataException | IOException e) {
                bad.add(j);
                if (skipped.add(store.name(j))) {
                    System.err.println("warning: skipping unreadable image " + store.name(j) + " ("
                            + e.getMessage() + "); using another image of the same class instead");
                }
            }
        }
        throw new DataException("no readable image in class " + y + " (e.g. " + store.name(i) + "); check the files");
    }
}
