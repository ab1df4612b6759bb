package org.distprop.datasets;

import java.nio.file.Path;
import java.util.Map;

/** A dataset made of four IDX files (train/test images and labels), held in memory. */
public record IdxDataset(String name, String source, int numClasses, ImageShape shape, Split train, Split test,
                         Map<String, String> checksums) implements Dataset {

    public static IdxDataset fromFiles(String name, String source, Path trainImages, Path trainLabels,
                                       Path testImages, Path testLabels, float[] mean, float[] std,
                                       Map<String, String> checksums) {
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
        int classes = 0;
        for (int y : trainY) {
            classes = Math.max(classes, y + 1);
        }
        for (int y : testY) {
            if (y >= classes) {
                throw new DataException(testLabels + " has label " + y + " that never occurs in " + trainLabels);
            }
        }
        float[] m = perChannel(mean, shape.channels());
        float[] s = perChannel(std, shape.channels());
        return new IdxDataset(name, source, classes, shape,
                new InMemorySplit(ti.data(), trainY, shape, m, s), new InMemorySplit(si.data(), testY, shape, m, s), checksums);
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
