package org.distprop.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official ImageNet archive layout (tars of per-class tars; flat val tar + label file), generated small. */
class ImageNetTarsTest {
    @TempDir
    Path tmp;

    /** A minimal ustar archive (what GNU tar writes for short names). */
    static byte[] tar(Map<String, byte[]> members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (var e : members.entrySet()) {
            byte[] h = new byte[512];
            put(h, 0, e.getKey());
            put(h, 100, "0000644");
            put(h, 108, "0000000");
            put(h, 116, "0000000");
            put(h, 124, String.format("%011o", e.getValue().length));
            put(h, 136, "00000000000");
            h[156] = '0';
            put(h, 257, "ustar");
            h[263] = '0';
            h[264] = '0';
            java.util.Arrays.fill(h, 148, 156, (byte) ' ');
            int sum = 0;
            for (byte b : h) {
                sum += b & 0xff;
            }
            put(h, 148, String.format("%06o", sum));
            h[155] = ' ';
            out.writeBytes(h);
            out.writeBytes(e.getValue());
            out.writeBytes(new byte[(512 - e.getValue().length % 512) % 512]);
        }
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }

    static byte[] png(int rgb) throws Exception {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        return b.toByteArray();
    }

    @Test
    void readsNestedTrainTarAndLabelledValTarInPlace() throws Exception {
        Map<String, byte[]> red = new LinkedHashMap<>();
        red.put("n02000000_1.JPEG", png(0xFF0000));
        red.put("n02000000_2.JPEG", png(0xFF0000));
        Map<String, byte[]> green = new LinkedHashMap<>();
        green.put("n01000000_7.JPEG", png(0x00FF00));
        Map<String, byte[]> outer = new LinkedHashMap<>();
        outer.put("n02000000.tar", tar(red)); // later wnid first: labels must still follow sorted wnids
        outer.put("n01000000.tar", tar(green));
        Files.write(tmp.resolve(ImageNetTars.TRAIN_TAR), tar(outer));
        Map<String, byte[]> val = new LinkedHashMap<>();
        val.put("ILSVRC2012_val_00000001.JPEG", png(0xFF0000));
        val.put("ILSVRC2012_val_00000002.JPEG", png(0x00FF00));
        Files.write(tmp.resolve(ImageNetTars.VAL_TAR), tar(val));
        Files.writeString(tmp.resolve("LOC_val_solution.csv"),
                "ImageId,PredictionString\nILSVRC2012_val_00000001,n02000000 1 2 3 4\nILSVRC2012_val_00000002,n01000000 5 6 7 8\n");

        Dataset d = ImageNet.load(tmp);
        assertEquals(2, d.numClasses());
        assertEquals(3, d.train().size());
        assertEquals(0, d.train().label(0)); // n01000000
        assertEquals(1, d.train().label(2));
        assertEquals(2, d.test().size());
        assertEquals(0, d.test().label(0)); // val_00000002 is n01000000, sorted first
        assertEquals(1, d.test().label(1));
        int n = d.shape().size();
        float[] x = new float[2 * n];
        d.test().fill(new int[] {0, 1}, x, 0, 0);
        float greenG = (1f - ImageTransforms.IMAGENET_MEAN[1]) / ImageTransforms.IMAGENET_STD[1];
        float redR = (1f - ImageTransforms.IMAGENET_MEAN[0]) / ImageTransforms.IMAGENET_STD[0];
        assertEquals(greenG, x[1], 1e-4f);
        assertEquals(redR, x[n], 1e-4f);
        d.train().fill(new int[] {2}, x, 3, 4);
        assertEquals(redR, x[0], 1e-4f);
        assertTrue(d.source().contains("official tar files"), d.source());
    }

    @Test
    void valTarWithoutLabelsOrCorruptTarIsAClearError() throws Exception {
        Files.write(tmp.resolve(ImageNetTars.VAL_TAR), tar(Map.of("ILSVRC2012_val_00000001.JPEG", png(0))));
        var e = assertThrows(DataException.class, () -> ImageNet.load(tmp));
        assertTrue(e.getMessage().contains("LOC_val_solution.csv"), e.getMessage());
        Files.writeString(tmp.resolve("val_labels.txt"), "ILSVRC2012_val_00000001.JPEG n01000000\n");
        Files.write(tmp.resolve(ImageNetTars.TRAIN_TAR), "this is not a tar archive".repeat(40).getBytes());
        var e2 = assertThrows(DataException.class, () -> ImageNet.load(tmp));
        assertTrue(e2.getMessage().contains(ImageNetTars.TRAIN_TAR), e2.getMessage());
        Files.delete(tmp.resolve(ImageNetTars.TRAIN_TAR));
        assertEquals(1, ImageNet.load(tmp).numClasses()); // val-only archive: classes from the label file
    }
}
