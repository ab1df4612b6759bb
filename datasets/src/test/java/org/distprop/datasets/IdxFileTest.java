package org.distprop.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
    @TempDir
    Path tmp;

    /** Writes an unsigned-byte IDX file with the given dims and payload. */
    static byte[] idx(int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bos);
        out.writeInt(0x00000800 | dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bos.toByteArray();
    }

    static Path write(Path file, byte[] bytes, boolean gzip) throws IOException {
        try (OutputStream o = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            o.write(bytes);
        }
        return file;
    }

    @Test
    void parsesImagesAndLabelsPlainAndGzipped() throws IOException {
        byte[] px = new byte[2 * 3 * 2];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 20);
        }
        for (boolean gz : new boolean[] {false, true}) {
            IdxFile f = IdxFile.read(write(tmp.resolve("img" + gz), idx(new int[] {2, 3, 2}, px), gz));
            assertArrayEquals(new int[] {2, 3, 2}, f.dims());
            assertArrayEquals(px, f.data());
            assertEquals(2, f.count());
        }
    }

    @Test
    void buildsDatasetWithNormalisationAndInferredClasses() throws IOException {
        byte[] trainPx = {0, (byte) 255, 10, 20, 30, 40, 50, 60};
        Path ti = write(tmp.resolve("ti"), idx(new int[] {2, 2, 2}, trainPx), false);
        Path tl = write(tmp.resolve("tl"), idx(new int[] {2}, new byte[] {0, 2}), false);
        Path si = write(tmp.resolve("si"), idx(new int[] {1, 2, 2}, new byte[] {1, 2, 3, 4}), true);
        Path sl = write(tmp.resolve("sl"), idx(new int[] {1}, new byte[] {1}), false);
        IdxDataset d = IdxDataset.fromFiles("t", "test", ti, tl, si, sl, new float[] {0.5f}, new float[] {0.25f}, Map.of());
        assertEquals(3, d.numClasses());
        assertEquals(new ImageShape(2, 2, 1), d.shape());
        float[] dst = new float[4];
        d.train().fill(new int[] {0}, dst, 0, 0);
        assertEquals((0 / 255.0 - 0.5) / 0.25, dst[0], 1e-6);
        assertEquals((255 / 255.0 - 0.5) / 0.25, dst[1], 1e-6);
        assertEquals(2, d.train().label(1));
    }

    @Test
    void rejectsBadMagicTruncationAndTrailingBytes() throws IOException {
        Path bad = write(tmp.resolve("bad"), new byte[] {0, 0, 0x0D, 1, 0, 0, 0, 1, 5}, false); // float type
        assertTrue(assertThrows(DataException.class, () -> IdxFile.read(bad)).getMessage().contains("magic"));
        byte[] full = idx(new int[] {4}, new byte[] {1, 2, 3, 4});
        Path trunc = write(tmp.resolve("trunc"), java.util.Arrays.copyOf(full, full.length - 1), false);
        String m = assertThrows(DataException.class, () -> IdxFile.read(trunc)).getMessage();
        assertTrue(m.contains("truncated") && m.contains("trunc"), m);
        byte[] extra = java.util.Arrays.copyOf(full, full.length + 2);
        Path trail = write(tmp.resolve("trail"), extra, false);
        assertTrue(assertThrows(DataException.class, () -> IdxFile.read(trail)).getMessage().contains("trailing"));
        assertTrue(assertThrows(DataException.class, () -> IdxFile.read(tmp.resolve("missing"))).getMessage().contains("not found"));
    }

    @Test
    void labelCountMustMatchImages() throws IOException {
        Path ti = write(tmp.resolve("ti"), idx(new int[] {2, 1, 1}, new byte[] {1, 2}), false);
        Path tl = write(tmp.resolve("tl"), idx(new int[] {3}, new byte[] {0, 1, 1}), false);
        String m = assertThrows(DataException.class,
                () -> IdxDataset.fromFiles("t", "t", ti, tl, ti, tl, new float[] {0}, new float[] {1}, Map.of())).getMessage();
        assertTrue(m.contains("3 labels") && m.contains("2 images"), m);
    }

    @Test
    void strayLabelByteIsADataErrorNotANewClass() throws IOException {
        // ten classes 0..9 and one label byte 200: not a 201-class dataset
        byte[] labels = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, (byte) 200};
        Path ti = write(tmp.resolve("ti"), idx(new int[] {labels.length, 1, 1}, new byte[labels.length]), false);
        Path tl = write(tmp.resolve("tl"), idx(new int[] {labels.length}, labels), false);
        Path si = write(tmp.resolve("si"), idx(new int[] {1, 1, 1}, new byte[1]), false);
        Path sl = write(tmp.resolve("sl"), idx(new int[] {1}, new byte[] {3}), false);
        String inferred = assertThrows(DataException.class,
                () -> IdxDataset.fromFiles("t", "t", ti, tl, si, sl, new float[] {0}, new float[] {1}, Map.of())).getMessage();
        assertTrue(inferred.contains("label 200 (at index 10) implies 201 classes") && inferred.contains("190 of them"), inferred);
        String declared = assertThrows(DataException.class,
                () -> IdxDataset.fromFiles("mnist", "t", ti, tl, si, sl, new float[] {0}, new float[] {1}, Map.of(), 10)).getMessage();
        assertTrue(declared.contains("label 200 at index 10 is outside mnist's 10 classes (0..9)") && declared.contains("tl"), declared);
    }

    @Test
    void emptyOrHeaderOnlyFileSaysSo() throws IOException {
        Path empty = Files.write(tmp.resolve("empty-idx"), new byte[0]);
        String m = assertThrows(DataException.class, () -> IdxFile.read(empty)).getMessage();
        assertTrue(m.contains("empty-idx is empty (0 bytes)") && m.contains("fetch it again") && !m.contains("null"), m);
        Path shortHeader = Files.write(tmp.resolve("short-idx"), new byte[] {0, 0, 8, 3, 0, 0});
        m = assertThrows(DataException.class, () -> IdxFile.read(shortHeader)).getMessage();
        assertTrue(m.contains("ends inside its IDX header (6 bytes)"), m);
    }
}
