package org.distprop.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageNetTest {
    @TempDir
    Path tmp;

    private static void write(Path file, BufferedImage img, String fmt) throws Exception {
        Files.createDirectories(file.getParent());
        ImageIO.write(img, fmt, file.toFile());
    }

    private static BufferedImage solid(int w, int h, int rgb, int type) {
        BufferedImage img = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (type == BufferedImage.TYPE_BYTE_GRAY) {
                    img.getRaster().setSample(x, y, 0, rgb & 0xff); // setRGB would apply sRGB->linear gray
                } else {
                    img.setRGB(x, y, rgb);
                }
            }
        }
        return img;
    }

    /** val/ with two classes (the later wnid created first), a grayscale JPEG and one corrupt file. */
    private Path tinyTree() throws Exception {
        Path root = tmp.resolve("imnet");
        write(root.resolve("val/n02000000/b.JPEG"), solid(300, 260, 0x0000FF, BufferedImage.TYPE_3BYTE_BGR), "jpg");
        Files.write(root.resolve("val/n02000000/a_corrupt.JPEG"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        write(root.resolve("val/n01000000/g.JPEG"), solid(256, 320, 0x808080, BufferedImage.TYPE_BYTE_GRAY), "jpg");
        Files.writeString(root.resolve("val/n01000000/README.txt"), "not an image, ignored");
        return root;
    }

    @Test
    void labelsFollowSortedWnidsAndCorruptImagesAreSkippedNotFatal() throws Exception {
        Dataset d = ImageNet.load(new DataLocations(tmp, null, tinyTree()));
        assertEquals(2, d.numClasses());
        assertEquals(new ImageShape(224, 224, 3), d.shape());
        assertEquals(3, d.test().size()); // README.txt ignored
        assertEquals(0, d.test().label(0)); // n01000000/g.JPEG
        assertEquals(1, d.test().label(1)); // n02000000/a_corrupt.JPEG
        assertTrue(d.source().contains("no train/ folder"), d.source());

        float[] x = new float[3 * d.shape().size()];
        d.test().fill(new int[] {0, 1, 2}, x, 0, 0);
        assertEquals(1, d.skippedFiles().size());
        assertTrue(d.skippedFiles().get(0).endsWith("a_corrupt.JPEG"));
        int n = d.shape().size();
        // grayscale 0x80 replicated: every channel (128/255 - mean)/std
        for (int c = 0; c < 3; c++) {
            float expect = (128f / 255f - ImageTransforms.IMAGENET_MEAN[c]) / ImageTransforms.IMAGENET_STD[c];
            assertEquals(expect, x[(100 * 224 + 100) * 3 + c], 0.05f);
        }
        // the corrupt image was replaced by the other image of its class (blue), so slots 1 and 2 agree
        for (int k = 0; k < n; k++) {
            assertEquals(x[2 * n + k], x[n + k], 1e-6f);
        }
        assertTrue(x[2 * n + 2] > 2f && x[2 * n] < -1.5f, "blue image: " + x[2 * n] + ", " + x[2 * n + 2]);
    }

    @Test
    void trainingCropsArePureFunctionsOfSeedStepAndIndex() throws Exception {
        Path root = tmp.resolve("imnet2");
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                img.setRGB(x, y, (x % 256) << 16 | (y % 256) << 8 | ((x + y) % 256));
            }
        }
        write(root.resolve("train/n01/x.png"), img, "png");
        write(root.resolve("val/n01/x.png"), img, "png");
        Dataset d = ImageNet.load(root);
        int n = d.shape().size();
        float[] a = new float[n];
        float[] b = new float[n];
        float[] c = new float[n];
        d.train().fill(new int[] {0}, a, 7, 3);
        d.train().fill(new int[] {0}, b, 7, 3);
        d.train().fill(new int[] {0}, c, 7, 4);
        assertArrayEquals(a, b);
        assertNotEquals(java.util.Arrays.hashCode(a), java.util.Arrays.hashCode(c));
    }

    @Test
    void badInputIsAClearError() throws Exception {
        Path missing = tmp.resolve("missing");
        var e1 = assertThrows(DataException.class, () -> ImageNet.load(new DataLocations(tmp, null, missing)));
        assertTrue(e1.getMessage().contains(missing.toString()), e1.getMessage());
        Path flat = Files.createDirectories(tmp.resolve("flat/n01"));
        var e2 = assertThrows(DataException.class, () -> ImageNet.load(flat.getParent()));
        assertTrue(e2.getMessage().contains("wrong layout") && e2.getMessage().contains("val"), e2.getMessage());
        Files.createDirectories(tmp.resolve("noimg/val/n01"));
        var e3 = assertThrows(DataException.class, () -> ImageNet.load(tmp.resolve("noimg")));
        assertTrue(e3.getMessage().contains("no image files"), e3.getMessage());
    }

    @Test
    void syntheticSourceIsLabelledAndSeeded() {
        Dataset d = DatasetSpec.load("imagenet-synthetic", tmp);
        assertTrue(d.source().startsWith("SYNTHETIC"), d.source());
        assertEquals(1000, d.numClasses());
        float[] a = new float[d.shape().size()];
        float[] b = new float[d.shape().size()];
        d.train().fill(new int[] {12345}, a, 1, 1);
        d.train().fill(new int[] {12345}, b, 99, 5);
        assertArrayEquals(a, b);
        assertEquals(345, d.train().label(12345));
    }

    @Test
    void sharedSampleHasOneImagePerClassAndDecodes() throws Exception {
        Path zip = SharedDatasets.find(ImageNet.SAMPLE_ZIP);
        assertNotNull(zip, "shared/datasets/" + ImageNet.SAMPLE_ZIP + " not found; set $" + SharedDatasets.ENV);
        Path root = tmp.resolve("sample");
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            for (var e : java.util.Collections.list(zf.entries())) {
                Path p = root.resolve(e.getName()).normalize();
                if (e.isDirectory()) {
                    continue;
                }
                Files.createDirectories(p.getParent());
                try (InputStream in = zf.getInputStream(e)) {
                    Files.copy(in, p);
                }
            }
        }
        Dataset d = ImageNet.load(root);
        assertEquals(1000, d.numClasses());
        assertEquals(1000, d.test().size());
        assertEquals(0, d.test().label(0));
        assertEquals(999, d.test().label(999));
        int[] idx = {0, 1, 500, 998, 999};
        float[] x = new float[idx.length * d.shape().size()];
        d.test().fill(idx, x, 0, 0);
        d.train().fill(idx, x, 1, 0);
        for (float v : x) {
            assertTrue(Float.isFinite(v) && v > -2.2f && v < 2.7f, "normalised value " + v);
        }
        assertEquals(List.of(), d.skippedFiles());
    }
}
