package org.distprop.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

/**
 * ImageNet (ILSVRC-2012) from an ImageFolder tree {@code <root>/train/<wnid>/*.JPEG} and
 * {@code <root>/val/<wnid>/*.JPEG}; label = index of the wnid among the sorted class folders (the
 * standard 0..999 order). Decoded on demand with the torchvision transforms (see
 * {@link DecodingSplit}). A root with only {@code val/} (such as the 1,000-image sample in
 * shared/datasets) is accepted for smoke tests: it then serves as both splits, and the source says so.
 */
public final class ImageNet {
    public static final int CROP = 224;
    public static final int RESIZE = 256;
    public static final String SAMPLE_ZIP = "imagenet-sample.zip";
    private static final Set<String> EXTENSIONS = Set.of(".jpeg", ".jpg", ".png", ".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp");

    private ImageNet() {
    }

    public static Dataset load(DataLocations loc) {
        Path root = DataLocations.flagOrEnv(loc.imagenetDir(), DataLocations.IMAGENET_ENV);
        if (root == null) {
            throw new DataException("ImageNet location not given: pass --imagenet-dir <root with train/ and val/ class folders> (or set $"
                    + DataLocations.IMAGENET_ENV + "); for a smoke test unzip shared/datasets/" + SAMPLE_ZIP
                    + " and point at the unzipped folder; for benchmarks without data use --dataset imagenet-synthetic");
        }
        return load(root);
    }

    public static Dataset load(Path root) {
        if (!Files.isDirectory(root)) {
            throw new DataException("ImageNet directory not found: " + root);
        }
        Path train = root.resolve("train");
        Path val = root.resolve("val");
        boolean hasTrain = Files.isDirectory(train);
        boolean hasVal = Files.isDirectory(val);
        if (!hasVal && ImageNetTars.present(root)) {
            return fromTars(root);
        }
        if (!hasVal) {
            throw new DataException("wrong layout in " + root + ": expected " + val + "/<wnid>/*.JPEG (and train/<wnid>/*.JPEG)"
                    + " or the official " + ImageNetTars.VAL_TAR + " (and " + ImageNetTars.TRAIN_TAR + ")"
                    + (hasTrain ? "; only train/ was found" : ""));
        }
        List<String> classes = classFolders(hasTrain ? train : val);
        Set<String> skipped = new ConcurrentSkipListSet<>();
        Folder te = scan(val, classes);
        Folder tr = hasTrain ? scan(train, classes) : te;
        String source = "ImageNet ILSVRC-2012 ImageFolder at " + root.toAbsolutePath() + " (" + classes.size() + " classes, "
                + tr.files.size() + " train / " + te.files.size() + " val images"
                + (hasTrain ? "" : "; no train/ folder: train split = val/ images with training transforms, smoke tests only") + ")";
        Map<String, String> sums = Map.of(); // 1.28M files are not hashed; counts are in the source
        return new BasicDataset("imagenet", source, classes.size(), new ImageShape(CROP, CROP, 3),
                new DecodingSplit(ImageStore.of(tr.files), tr.labels, true, CROP, RESIZE, skipped),
                new DecodingSplit(ImageStore.of(te.files), te.labels, false, CROP, RESIZE, skipped),
                sums, () -> List.copyOf(skipped));
    }

    /** The official archives, read in place (see {@link ImageNetTars}). */
    static Dataset fromTars(Path root) {
        Path trainTar = root.resolve(ImageNetTars.TRAIN_TAR);
        boolean hasTrain = Files.isRegularFile(trainTar);
        ImageNetTars.Part tr = hasTrain ? ImageNetTars.train(trainTar) : null;
        ImageNetTars.Part te = ImageNetTars.val(root, hasTrain ? tr.classes() : null);
        if (!hasTrain) {
            tr = te;
        }
        Set<String> skipped = new ConcurrentSkipListSet<>();
        String source = "ImageNet ILSVRC-2012 official tar files in " + root.toAbsolutePath() + " (" + te.classes().size()
                + " classes, " + tr.labels().length + " train / " + te.labels().length + " val images"
                + (hasTrain ? "" : "; no " + ImageNetTars.TRAIN_TAR + ": train split = val images, smoke tests only") + ")";
        return new BasicDataset("imagenet", source, te.classes().size(), new ImageShape(CROP, CROP, 3),
                new DecodingSplit(tr.store(), tr.labels(), true, CROP, RESIZE, skipped),
                new DecodingSplit(te.store(), te.labels(), false, CROP, RESIZE, skipped), Map.of(), () -> List.copyOf(skipped));
    }

    /** Sorted class folder names of {@code dir}; an error if there are none. */
    static List<String> classFolders(Path dir) {
        List<String> names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new DataException("cannot list " + dir + ": " + e.getMessage());
        }
        if (names.isEmpty()) {
            throw new DataException("wrong layout in " + dir + ": no class folders (expected " + dir + "/<wnid>/*.JPEG)");
        }
        return names;
    }

    private record Folder(List<Path> files, int[] labels) {
    }

    private static Folder scan(Path split, List<String> classes) {
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String c : classFolders(split)) {
            if (!classes.contains(c)) {
                throw new DataException("class folder " + split.resolve(c) + " does not exist in the training split; "
                        + "train/ and val/ must have the same wnid folders");
            }
        }
        for (int y = 0; y < classes.size(); y++) {
            Path d = split.resolve(classes.get(y));
            if (!Files.isDirectory(d)) {
                continue; // a class may be absent from a subset of val/
            }
            try (Stream<Path> s = Files.list(d)) {
                List<Path> imgs = s.filter(Files::isRegularFile).filter(ImageNet::isImage).sorted().toList();
                files.addAll(imgs);
                for (int k = 0; k < imgs.size(); k++) {
                    labels.add(y);
                }
            } catch (IOException e) {
                throw new DataException("cannot list " + d + ": " + e.getMessage());
            }
        }
        if (files.isEmpty()) {
            throw new DataException("wrong layout in " + split + ": no image files (.JPEG, .jpg, .png) in its class folders");
        }
        return new Folder(files, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(n.substring(dot));
    }

    /**
     * Synthetic ImageNet-shaped data for throughput benchmarks: 1,000 classes, 224x224x3, the real
     * split sizes, pixels uniform noise from (index) only. Not ImageNet; labelled so everywhere.
     */
    public static Dataset synthetic(long dataSeed) {
        ImageShape s = new ImageShape(CROP, CROP, 3);
        String source = "SYNTHETIC ImageNet-shaped data (random pixels, seed " + dataSeed + "; not ImageNet, throughput benchmarks only)";
        return new BasicDataset("imagenet", source, 1000, s, new SyntheticSplit(1_281_167, 1000, s, dataSeed),
                new SyntheticSplit(50_000, 1000, s, dataSeed + 1), Map.of());
    }

    /** Uniform noise images, label = index mod classes; a pure function of (seed, index). */
    record SyntheticSplit(int size, int classes, ImageShape shape, long seed) implements Split {
        @Override
        public int label(int index) {
            return index % classes;
        }

        @Override
        public void fill(int[] indices, float[] dst, long runSeed, long step) {
            int n = shape.size();
            for (int b = 0; b < indices.length; b++) {
                java.util.SplittableRandom r = new java.util.SplittableRandom(Seeds.mix(seed, indices[b]));
                for (int k = 0; k < n; k++) {
                    dst[b * n + k] = (float) (r.nextDouble() * 4.0 - 2.0);
                }
            }
        }
    }
}
