package org.distprop.datasets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The regular-file members of an uncompressed tar (ustar/GNU), found by reading only the 512-byte
 * headers, so archives such as ILSVRC2012_img_train.tar (140 GB, tars inside a tar) are read in place
 * without unpacking. Members can be listed inside a member (nested tars) via {@code base}.
 */
public final class TarIndex {
    private static final int BLOCK = 512;

    private TarIndex() {
    }

    /** A regular file in the archive: its data starts at {@code offset} of the outer file. */
    public record Member(String name, long offset, long size) {
    }

    public static List<Member> scan(FileChannel ch, Path file, long base, long length) {
        List<Member> out = new ArrayList<>();
        ByteBuffer h = ByteBuffer.allocate(BLOCK);
        long pos = base;
        long end = base + length;
        String longName = null;
        try {
            while (pos + BLOCK <= end) {
                h.clear();
                readFully(ch, h, pos, file);
                byte[] b = h.array();
                if (allZero(b)) {
                    break; // end-of-archive marker
                }
                if (!checksumOk(b)) {
                    throw new DataException(file + " is not a tar archive or is corrupt (bad header checksum at byte " + pos + ")");
                }
                long size = number(b, 124, 12);
                char type = (char) b[156];
                long data = pos + BLOCK;
                if (data + size > end) {
                    throw new DataException(file + " is truncated: member at byte " + pos + " needs " + size + " bytes");
                }
                if (type == 'L') { // GNU long name: the data block holds the next member's name
                    ByteBuffer nb = ByteBuffer.allocate((int) size);
                    readFully(ch, nb, data, file);
                    longName = cString(nb.array(), 0, (int) size);
                } else {
                    String name = longName != null ? longName : fullName(b);
                    longName = null;
                    if (type == '0' || type == 0) {
                        out.add(new Member(name, data, size));
                    }
                }
                pos = data + (size + BLOCK - 1) / BLOCK * BLOCK;
            }
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    static void readFully(FileChannel ch, ByteBuffer buf, long pos, Path file) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf, pos + buf.position()) < 0) {
                throw new DataException(file + " ends early at byte " + (pos + buf.position()));
            }
        }
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean checksumOk(byte[] b) {
        long stored = number(b, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (b[i] & 0xff);
        }
        return sum == stored;
    }

    private static String fullName(byte[] b) {
        String name = cString(b, 0, 100);
        if (cString(b, 257, 5).equals("ustar")) {
            String prefix = cString(b, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
        }
        return name;
    }

    /** Octal (NUL/space terminated) or GNU base-256 number. */
    static long number(byte[] b, int off, int len) {
        if ((b[off] & 0x80) != 0) {
            long v = b[off] & 0x7f;
            for (int i = 1; i < len; i++) {
                v = (v << 8) | (b[off + i] & 0xff);
            }
            return v;
        }
        int i = off;
        int endIdx = off + len;
        while (i < endIdx && b[i] == ' ') {
            i++; // leading spaces
        }
        long v = 0;
        for (; i < endIdx && b[i] >= '0' && b[i] <= '7'; i++) {
            v = v * 8 + (b[i] - '0');
        }
        return v;
    }

    private static String cString(byte[] b, int off, int len) {
        int n = 0;
        while (n < len && b[off + n] != 0) {
            n++;
        }
        return new String(b, off, n, StandardCharsets.UTF_8);
    }
}
