package org.distprop.datasets;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * A file in LeCun's IDX format (MNIST and friends): magic {0, 0, type, ndims}, ndims big-endian
 * int32 sizes, then the data. Only unsigned-byte data (type 0x08) is accepted, which covers every
 * image/label set in this format. Gzipped files are detected by their magic bytes.
 */
public record IdxFile(int[] dims, byte[] data) {
    private static final int UBYTE = 0x08;

    public static IdxFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException("IDX file not found: " + file);
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(raw, 1 << 16) : raw;
            return parse(new DataInputStream(in), file);
        } catch (java.io.EOFException e) { // ends inside the header (EOFException has no message)
            throw new DataException(file + (size(file) == 0 ? " is empty (0 bytes)" : " ends inside its IDX header (" + size(file) + " bytes)")
                    + "; an IDX file starts with a 4-byte magic number and one 4-byte size per dimension: delete it and fetch it again", e);
        } catch (IOException e) {
            throw new DataException("cannot read IDX file " + file + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static IdxFile parse(DataInputStream in, Path file) throws IOException {
        int magic = in.readInt();
        int type = (magic >>> 8) & 0xff;
        int ndims = magic & 0xff;
        if ((magic >>> 16) != 0 || type != UBYTE || ndims < 1 || ndims > 4) {
            throw new DataException(String.format(
                    "%s is not an unsigned-byte IDX file (magic 0x%08x; expected 0x0000080N with N = number of dimensions)",
                    file, magic));
        }
        int[] dims = new int[ndims];
        long total = 1;
        for (int i = 0; i < ndims; i++) {
            dims[i] = in.readInt();
            if (dims[i] <= 0) {
                throw new DataException(file + ": IDX dimension " + i + " is " + dims[i] + "; expected a positive size");
            }
            total *= dims[i];
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new DataException(file + ": IDX payload of " + total + " bytes is too large");
        }
        byte[] data = new byte[(int) total];
        try {
            in.readFully(data);
        } catch (java.io.EOFException e) {
            throw new DataException(file + " is truncated: header " + Arrays.toString(dims) + " promises " + total
                    + " data bytes; delete it and fetch it again");
        }
        if (in.read() != -1) {
            throw new DataException(file + " has trailing bytes after the " + total + " bytes its header "
                    + Arrays.toString(dims) + " promises; delete it and fetch it again");
        }
        return new IdxFile(dims, data);
    }

    public int count() {
        return dims[0];
    }
}
