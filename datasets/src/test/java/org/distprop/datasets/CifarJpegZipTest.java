package org.distprop.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the real offline CIFAR-10 JPEG copy (shared/datasets/cifar10-jpeg.zip). */
class CifarJpegZipTest {
    @TempDir
    Path tmp;

    static Path sharedZip() {
        Path zip = SharedDatasets.find(Cifar10.ZIP_NAME);
        assertNotNull(zip, "shared/datasets/" + Cifar10.ZIP_NAME + " not found above " + Path.of("").toAbsolutePath()
                + "; set $" + SharedDatasets.ENV);
        return zip;
    }

    @Test
    void zipHolds50000And10000ImagesInTheOfficialLabelOrder() {
        Path zip = sharedZip();
        var train = CifarJpegZip.index(zip, "train", 5_000);
        var test = CifarJpegZip.index(zip, "test", 1_000);
        assertEquals(50_000, train.entries().size());
        assertEquals(10_000, test.entries().size());
        int[] five = new int[10];
        java.util.Arrays.fill(five, 5_000);
        int[] one = new int[10];
        java.util.Arrays.fill(one, 1_000);
        assertArrayEquals(five, train.perClassCounts());
        assertArrayEquals(one, test.perClassCounts());
        // official order: airplane = 0 ... truck = 9, taken from the folder names
        assertEquals("train/airplane/0000.jpg", train.entries().get(0));
        assertEquals(0, train.labels()[0]);
        assertEquals("test/automobile/0000.jpg", test.entries().get(1_000));
        assertEquals(1, test.labels()[1_000]);
        assertEquals("test/truck/0999.jpg", test.entries().get(9_999));
        assertEquals(9, test.labels()[9_999]);
    }

    @Test
    void decodedTestSetHasTheKnownCifarChannelMeans() {
        // per-channel means of the official CIFAR-10 test set are 0.4942, 0.4851, 0.4504 (R, G, B);
        // a wrong channel order or plane layout would swap or blur them
        Path zip = sharedZip();
        var test = CifarJpegZip.index(zip, "test", 1_000);
        var r = CifarJpegZip.decode(zip, test, 2);
        double[] sum = new double[3];
        byte[] p = r.pixels();
        for (int i = 0; i < p.length; i++) {
            sum[i % 3] += (p[i] & 0xff) / 255.0;
        }
        double n = p.length / 3.0;
        assertEquals(0.4942, sum[0] / n, 0.01);
        assertEquals(0.4851, sum[1] / n, 0.01);
        assertEquals(0.4504, sum[2] / n, 0.01);
    }

    @Test
    void aZipWithTheWrongChecksumIsAClearError() throws Exception {
        Path fake = tmp.resolve("cifar10-jpeg.zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(fake))) {
            out.putNextEntry(new ZipEntry("train/airplane/0000.jpg"));
            out.write(jpeg(32, 32));
            out.closeEntry();
        }
        DataException e = assertThrows(DataException.class, () -> Cifar10.load(new DataLocations(tmp.resolve("data"), fake, null)));
        assertTrue(e.getMessage().contains("checksum mismatch") && e.getMessage().contains(fake.toString()), e.getMessage());
    }

    @Test
    void wrongLayoutNamesTheEntry() throws Exception {
        Path z = tmp.resolve("bad.zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(z))) {
            out.putNextEntry(new ZipEntry("train/unicorn/0000.jpg"));
            out.write(jpeg(32, 32));
            out.closeEntry();
        }
        DataException e = assertThrows(DataException.class, () -> CifarJpegZip.index(z, "train", 1));
        assertTrue(e.getMessage().contains("unicorn"), e.getMessage());
        DataException e2 = assertThrows(DataException.class, () -> CifarJpegZip.index(z.resolveSibling("absent.zip"), "train", 1));
        assertTrue(e2.getMessage().contains("absent.zip"), e2.getMessage());
    }

    static byte[] jpeg(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", bos);
        return bos.toByteArray();
    }
}
