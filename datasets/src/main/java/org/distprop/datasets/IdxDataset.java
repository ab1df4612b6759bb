package org.distprop.datasets;

import java.nio.file.Path;
import java.util.Map;

/** A dataset made of four IDX files (train/test images and labels), held in memory. */
public record IdxDataset(String name, String source, int numClasses, ImageShape shape, Split train, Split test,
                         Map<String, String> checksums) implements Dataset {

    /** Classes 0..C-1 taken from the labels; every class must occur in the training labels. */
    public static IdxDataset fromFiles(String name, String source, Path trainImages, Path trainLabels,
                                       Path testImages, Path testLabels, float[] mean, float[] std,
                                       Map<String, String> checksums) {
        return fromFiles(name, source, trainImages, trainLabels, testImages, testLabels, mean, std, checksums, 0);
    }

    /** {@code declaredClasses} > 0: a label outside 0..declaredClasses-1 is a data error (e.g. 10 for MNIST). */
    public static IdxDataset fromFiles(String name, String source, Path trainImages, Path trainLabels,
                                       Path testImages, Path testLabels, float[] mean, float[] std,
                                       Map<String, String> checksums, int declaredClasses) {
        IdxFile ti = IdxFile.read(trainImages);
        IdxFile tl = IdxFile.read(trainLabels);
        IdxFile si = IdxFile.read(testImages);
        IdxFile sl = IdxFile.read(testLabels);
        ImageShape shape = imageShape(ti, trainImages);
        ImageShape testShape = imageShape(si, testImages);
        if (!shape.equals(testShape)) {
            throw new DataException("train images are " + shape + " but test images are " + testShape + " (" + testImages + ")");
        }
        int[] trainY = labels(tl, ti.count(), trainLabels);
        int[] testY = labels(sl, si.count(), testLabels);
        if (declaredClasses > 0) {
            checkDeclared(trainY, declaredClasses, name, trainLabels);
            checkDeclared(testY, declaredClasses, name, testLabels);
        }
        int classes = 0;
        for (int y : trainY) {
            classes = Math.max(classes, y + 1);
        }
        for (int y : testY) {
            if (y >= classes) {
                throw new DataException(testLabels + " has label " + y + " that never occurs in " + trainLabels);
            }
        }
        checkEveryClassOccurs(trainY, testY, classes, trainLabels);
        float[] m = perChannel(mean, shape.channels());
        float[] s = perChannel(std, shape.channels());
        return new IdxDataset(name, source, classes, shape,
                new InMemorySplit(ti.data(), trainY, shape, m, s), new InMemorySplit(si.data(), testY, shape, m, s), checksums);
    }

    private static void checkDeclared(int[] y, int classes, String name, Path file) {
        for (int i = 0; i < y.length; i++) {
            if (y[i] >= classes) {
                throw new DataException(file + ": label " + y[i] + " at index " + i + " is outside " + name + "'s " + classes
                        + " classes (0.." + (classes - 1) + "); the label file is damaged: delete it and fetch it again");
            }
        }
    }

    /**
     * Labels must be 0..C-1 with every class present in train or test: a stray byte (say 200 among
     * 0..9) would otherwise invent 190 empty classes and train a 201-way classifier without a word.
     */
    private static void checkEveryClassOccurs(int[] y, int[] testY, int classes, Path file) {
        int[] count = new int[classes];
        for (int v : y) {
            count[v]++;
        }
        for (int v : testY) {
            count[v]++;
        }
        java.util.List<Integer> missing = new java.util.ArrayList<>();
        for (int c = 0; c < classes; c++) {
            if (count[c] == 0) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            int top = classes - 1;
            int at = 0;
            while (y[at] != top) {
                at++;
            }
            throw new DataException(file + ": label " + top + " (at index " + at + ") implies " + classes + " classes, but "
                    + missing.size() + " of them (" + (missing.size() <= 5 ? missing.toString() : missing.subList(0, 5) + "...")
                    + ") have no example; labels must be 0..C-1 with every class present (a damaged label file?)");
        }
    }

    private static float[] perChannel(float[] v, int channels) {
        if (v.length == channels) {
            return v;
        }
        float[] out = new float[channels];
        java.util.Arrays.fill(out, v[0]);
        return out;
    }

    private static ImageShape imageShape(IdxFile f, Path file) {
        int[] d = f.dims();
        return switch (d.length) {
            case 3 -> new ImageShape(d[1], d[2], 1);
            case 4 -> new ImageShape(d[1], d[2], d[3]);
            default -> throw new DataException(file + " has " + d.length
                    + " dimensions; an image file needs 3 (N, H, W) or 4 (N, H, W, C)");
        };
    }

    private static int[] labels(IdxFile f, int expected, Path file) {
        if (f.dims().length != 1) {
            throw new DataException(file + " has " + f.dims().length + " dimensions; a label file needs 1");
        }
        if (f.count() != expected) {
            throw new DataException(file + " has " + f.count() + " labels but the image file has " + expected + " images");
        }
        int[] y = new int[expected];
        for (int i = 0; i < expected; i++) {
            y[i] = f.data()[i] & 0xff;
        }
        return y;
    }
}
