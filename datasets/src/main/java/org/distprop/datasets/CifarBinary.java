package org.distprop.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The official CIFAR-10 binary format: records of 1 label byte followed by 1024 R, 1024 G and 1024 B
 * bytes (each plane row-major 32x32). Pixels are returned channels-last (HWC), as every split here.
 */
public final class CifarBinary {
    public static final int SIDE = 32;
    public static final int PIXELS = SIDE * SIDE * 3;
    public static final int RECORD = 1 + PIXELS;
    public static final int RECORDS_PER_BATCH = 10_000;
    public static final long BATCH_BYTES = (long) RECORD * RECORDS_PER_BATCH; // 30,730,000

    private CifarBinary() {
    }

    /** Labels and HWC pixels of a sequence of records. */
    public record Records(int[] labels, byte[] pixels) {
        public int count() {
            return labels.length;
        }
    }

    /**
     * Reads {@code files} (each exactly {@code expectedRecords} records, labels below 10) into one
     * array, in file order. Size and label range are checked; errors name the file.
     */
    public static Records read(java.util.List<Path> files, int expectedRecords) {
        int total = files.size() * expectedRecords;
        int[] labels = new int[total];
        byte[] pixels = new byte[total * PIXELS];
        byte[] rec = new byte[RECORD];
        int n = 0;
        for (Path f : files) {
            long expectedBytes = (long) expectedRecords * RECORD;
            long size;
            try {
                size = Files.size(f);
            } catch (IOException e) {
                throw new DataException("CIFAR-10 batch file not found or unreadable: " + f + " (" + e.getMessage() + ")");
            }
            if (size != expectedBytes) {
                throw new DataException("CIFAR-10 batch file " + f + " has " + size + " bytes, expected exactly " + expectedBytes
                        + " (" + expectedRecords + " records of " + RECORD + " bytes)"
                        + (size < expectedBytes ? "; it is truncated, copy or download it again" : "; it is not a CIFAR-10 binary batch"));
            }
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(f), 1 << 20)) {
                for (int r = 0; r < expectedRecords; r++, n++) {
                    if (in.readNBytes(rec, 0, RECORD) != RECORD) {
                        throw new DataException("CIFAR-10 batch file " + f + " ended early at record " + r);
                    }
                    int y = rec[0] & 0xff;
                    if (y > 9) {
                        throw new DataException("CIFAR-10 batch file " + f + " record " + r + " has label " + y
                                + " (expected 0-9); it is not a CIFAR-10 binary batch");
                    }
                    labels[n] = y;
                    chwToHwc(rec, 1, pixels, n * PIXELS);
                }
            } catch (IOException e) {
                throw new DataException("cannot read CIFAR-10 batch file " + f + ": " + e.getMessage(), e);
            }
        }
        return new Records(labels, pixels);
    }

    static void chwToHwc(byte[] src, int off, byte[] dst, int dstOff) {
        int plane = SIDE * SIDE;
        for (int p = 0; p < plane; p++) {
            dst[dstOff + 3 * p] = src[off + p];
            dst[dstOff + 3 * p + 1] = src[off + plane + p];
            dst[dstOff + 3 * p + 2] = src[off + 2 * plane + p];
        }
    }

    /** Writes records in the official format (used for the decoded-JPEG cache and for tests). */
    public static void write(Path file, int[] labels, byte[] hwcPixels) {
        byte[] rec = new byte[RECORD];
        int plane = SIDE * SIDE;
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (int n = 0; n < labels.length; n++) {
                rec[0] = (byte) labels[n];
                int base = n * PIXELS;
                for (int p = 0; p < plane; p++) {
                    rec[1 + p] = hwcPixels[base + 3 * p];
                    rec[1 + plane + p] = hwcPixels[base + 3 * p + 1];
                    rec[1 + 2 * plane + p] = hwcPixels[base + 3 * p + 2];
                }
                out.write(rec);
            }
        } catch (IOException e) {
            throw new DataException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
