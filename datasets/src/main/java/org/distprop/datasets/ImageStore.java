package org.distprop.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Encoded images addressed by index: files of an ImageFolder tree or entries of an archive. */
public interface ImageStore {
    int size();

    /** What to call image {@code i} in messages (its path). */
    String name(int i);

    byte[] read(int i) throws IOException;

    static ImageStore of(List<Path> files) {
        return new ImageStore() {
            @Override
            public int size() {
                return files.size();
            }

            @Override
            public String name(int i) {
                return files.get(i).toString();
            }

            @Override
            public byte[] read(int i) throws IOException {
                return Files.readAllBytes(files.get(i));
            }
        };
    }
}
