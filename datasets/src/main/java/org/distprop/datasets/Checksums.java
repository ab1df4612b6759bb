package org.distprop.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files, and the check that a file is the one we expect. */
public final class Checksums {
    private Checksums() {
    }

    public static String sha256(Path file) {
        return digest(file, "SHA-256");
    }

    /** MD5, only for checking downloads whose publishers give nothing better (CIFAR-10 archive). */
    public static String md5(Path file) {
        return digest(file, "MD5");
    }

    private static String digest(Path file, String algorithm) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Throws a {@link DataException} naming the file and how to get a good copy if the file's
     * SHA-256 differs from {@code expected}.
     */
    public static void verify(Path file, String expected, String refetchHint) {
        String actual = sha256(file);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new DataException("checksum mismatch for " + file + " (expected sha256 " + expected
                    + ", got " + actual + "); the file is corrupted or not the original: " + refetchHint);
        }
    }
}
