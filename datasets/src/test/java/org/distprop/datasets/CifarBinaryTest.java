package org.distprop.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryTest {
    @TempDir
    Path tmp;

    /** A record whose R plane is all r, G plane all g, B plane all b, except pixel (row 1, col 2) of R = 200. */
    private static byte[] record(int label, int r, int g, int b) {
        byte[] rec = new byte[CifarBinary.RECORD];
        rec[0] = (byte) label;
        java.util.Arrays.fill(rec, 1, 1025, (byte) r);
        java.util.Arrays.fill(rec, 1025, 2049, (byte) g);
        java.util.Arrays.fill(rec, 2049, 3073, (byte) b);
        rec[1 + 32 + 2] = (byte) 200;
        return rec;
    }

    @Test
    void readsAGeneratedThreeRecordFileChannelsLast() throws Exception {
        Path f = tmp.resolve("three.bin");
        try (var out = Files.newOutputStream(f)) {
            out.write(record(3, 10, 20, 30));
            out.write(record(0, 1, 2, 3));
            out.write(record(9, 250, 128, 0));
        }
        CifarBinary.Records r = CifarBinary.read(List.of(f), 3);
        assertArrayEquals(new int[] {3, 0, 9}, r.labels());
        byte[] p = r.pixels();
        // example 0, pixel (0,0): R G B interleaved
        assertEquals(10, p[0]);
        assertEquals(20, p[1]);
        assertEquals(30, p[2]);
        // example 0, pixel (row 1, col 2) has R = 200 (HWC offset (1*32+2)*3)
        assertEquals(200, p[(32 + 2) * 3] & 0xff);
        assertEquals(20, p[(32 + 2) * 3 + 1]);
        // example 2, last pixel
        int last = 3 * CifarBinary.PIXELS - 3;
        assertEquals(250, p[last] & 0xff);
        assertEquals(128, p[last + 1] & 0xff);
        assertEquals(0, p[last + 2]);
    }

    @Test
    void writeThenReadIsIdentity() {
        int[] labels = {1, 7};
        byte[] px = new byte[2 * CifarBinary.PIXELS];
        new java.util.Random(5).nextBytes(px);
        Path f = tmp.resolve("rt.bin");
        CifarBinary.write(f, labels, px);
        CifarBinary.Records r = CifarBinary.read(List.of(f), 2);
        assertArrayEquals(labels, r.labels());
        assertArrayEquals(px, r.pixels());
    }

    @Test
    void truncatedBatchIsAClearErrorNamingTheFile() throws Exception {
        Path f = tmp.resolve("data_batch_1.bin");
        Files.write(f, new byte[CifarBinary.RECORD * 2 + 100]);
        DataException e = assertThrows(DataException.class, () -> CifarBinary.read(List.of(f), 3));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void labelOutOfRangeIsRejected() throws Exception {
        Path f = tmp.resolve("bad.bin");
        Files.write(f, record(11, 0, 0, 0));
        DataException e = assertThrows(DataException.class, () -> CifarBinary.read(List.of(f), 1));
        assertTrue(e.getMessage().contains("label 11"), e.getMessage());
    }

    @Test
    void officialLayoutErrorsNameTheProblem() throws Exception {
        Path missing = tmp.resolve("nope");
        var e1 = assertThrows(DataException.class, () -> Cifar10.load(new DataLocations(tmp, missing, null)));
        assertTrue(e1.getMessage().contains("not found") && e1.getMessage().contains(missing.toString()), e1.getMessage());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        var e2 = assertThrows(DataException.class, () -> Cifar10.load(new DataLocations(tmp, empty, null)));
        assertTrue(e2.getMessage().contains("wrong layout"), e2.getMessage());

        Path dir = Files.createDirectories(tmp.resolve("cifar-10-batches-bin"));
        for (String f : Cifar10.TRAIN_FILES) {
            Files.write(dir.resolve(f), new byte[0]);
        }
        var e3 = assertThrows(DataException.class, () -> Cifar10.load(new DataLocations(tmp, tmp, null)));
        assertTrue(e3.getMessage().contains("test_batch.bin") && e3.getMessage().contains("missing"), e3.getMessage());

        Files.write(dir.resolve(Cifar10.TEST_FILE), new byte[10]);
        var e4 = assertThrows(DataException.class, () -> Cifar10.load(new DataLocations(tmp, dir, null)));
        assertTrue(e4.getMessage().contains("data_batch_1.bin") && e4.getMessage().contains("30730000"), e4.getMessage());
    }
}
