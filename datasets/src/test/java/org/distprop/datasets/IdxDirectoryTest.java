package org.distprop.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDirectoryTest {
    @TempDir
    Path tmp;

    static void idx(Path file, boolean gzip, int[] dims, byte[] data) throws Exception {
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream o = gzip ? new GZIPOutputStream(raw) : raw;
             DataOutputStream out = new DataOutputStream(o)) {
            out.writeInt(0x0800 | dims.length);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
    }

    /** 7 train / 3 test 5x4 images, labels 0..3 (4 classes), pixels 0 or 255. */
    private Path generated(boolean gzip) throws Exception {
        Path d = Files.createDirectories(tmp.resolve(gzip ? "gz" : "raw"));
        String ext = gzip ? ".gz" : "";
        byte[] tr = new byte[7 * 20];
        for (int i = 0; i < tr.length; i += 2) {
            tr[i] = (byte) 255; // half the pixels 255: mean 0.5, std 0.5
        }
        idx(d.resolve("train-images-idx3-ubyte" + ext), gzip, new int[] {7, 5, 4}, tr);
        idx(d.resolve("train-labels-idx1-ubyte" + ext), gzip, new int[] {7}, new byte[] {0, 1, 2, 3, 0, 1, 2});
        idx(d.resolve("t10k-images-idx3-ubyte" + ext), gzip, new int[] {3, 5, 4}, new byte[3 * 20]);
        idx(d.resolve("t10k-labels-idx1-ubyte" + ext), gzip, new int[] {3}, new byte[] {3, 2, 1});
        return d;
    }

    @Test
    void generatedDirectoryGzippedOrNotInfersShapeClassesAndNormalisation() throws Exception {
        for (boolean gz : new boolean[] {false, true}) {
            Path dir = generated(gz);
            Dataset d = DatasetSpec.load("idx:" + dir, tmp);
            assertEquals(4, d.numClasses());
            assertEquals(new ImageShape(5, 4, 1), d.shape());
            assertEquals(7, d.train().size());
            assertEquals(3, d.test().size());
            assertEquals(1, d.test().label(2));
            float[] x = new float[20];
            d.train().fill(new int[] {0}, x, 0, 0);
            assertEquals(1f, x[0], 1e-5f); // (1 - 0.5) / 0.5
            assertEquals(-1f, x[1], 1e-5f);
            assertEquals(4, d.checksums().size());
        }
    }

    @Test
    void missingOrAmbiguousFilesAreNamed() throws Exception {
        Path dir = generated(false);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        var e = assertThrows(DataException.class, () -> DatasetSpec.load("idx:" + dir, tmp));
        assertTrue(e.getMessage().contains("t10k-labels") && e.getMessage().contains(dir.toString()), e.getMessage());
        var e2 = assertThrows(DataException.class, () -> DatasetSpec.load("idx:" + tmp.resolve("none"), tmp));
        assertTrue(e2.getMessage().contains("not found"), e2.getMessage());
        assertThrows(DataException.class, () -> DatasetSpec.checkName("idx:"));
    }

    @Test
    void mnistsOwnFilesLoadWithTheUsualStatistics() {
        Path dataDir = DataDir.resolve(null);
        if (!Mnist.present(dataDir)) {
            Mnist.fetch(dataDir);
        }
        Dataset d = DatasetSpec.load("idx:" + Mnist.dir(dataDir), dataDir);
        assertEquals(10, d.numClasses());
        assertEquals(new ImageShape(28, 28, 1), d.shape());
        assertEquals(60_000, d.train().size());
        assertEquals(10_000, d.test().size());
        assertEquals(Mnist.SHA256.get("t10k-images-idx3-ubyte"), d.checksums().get("t10k-images-idx3-ubyte"));
        // statistics inferred from the training images are MNIST's usual 0.1307 / 0.3081: a black
        // pixel normalises to -0.1307 / 0.3081 and a white one to (1 - 0.1307) / 0.3081
        float[] x = new float[28 * 28];
        d.train().fill(new int[] {0}, x, 0, 0);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(-0.1307 / 0.3081, min, 1e-3);
        assertEquals((1 - 0.1307) / 0.3081, max, 1e-2);
    }
}
