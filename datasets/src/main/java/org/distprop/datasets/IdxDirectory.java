package org.distprop.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Any MNIST-like dataset given as a directory with the four standard IDX files (gzipped or not):
 * {@code train-images*}, {@code train-labels*}, {@code t10k-images*} (or {@code test-images*}) and
 * {@code t10k-labels*} (or {@code test-labels*}). Image shape and number of classes come from the
 * files; normalisation uses the training set's own per-channel mean and std (for MNIST these are
 * the usual 0.1307 / 0.3081).
 */
public final class IdxDirectory {
    public static final String PREFIX = "idx:";

    private IdxDirectory() {
    }

    public static Dataset load(String name, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DataException("IDX dataset directory not found: " + dir);
        }
        Path ti = find(dir, List.of("train-images"));
        Path tl = find(dir, List.of("train-labels"));
        Path si = find(dir, List.of("t10k-images", "test-images"));
        Path sl = find(dir, List.of("t10k-labels", "test-labels"));
        Map<String, String> sums = new LinkedHashMap<>();
        for (Path f : List.of(ti, tl, si, sl)) {
            sums.put(f.getFileName().toString(), Checksums.sha256(f));
        }
        IdxFile images = IdxFile.read(ti);
        float[][] ms = meanStd(images);
        return IdxDataset.fromFiles(name, "IDX files in " + dir.toAbsolutePath(), ti, tl, si, sl, ms[0], ms[1], sums);
    }

    private static Path find(Path dir, List<String> prefixes) {
        List<Path> hits;
        try (Stream<Path> s = Files.list(dir)) {
            hits = s.filter(Files::isRegularFile)
                    .filter(p -> prefixes.stream().anyMatch(x -> p.getFileName().toString().startsWith(x)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new DataException("cannot list " + dir + ": " + e.getMessage());
        }
        if (hits.isEmpty()) {
            throw new DataException("wrong layout in " + dir + ": no file named " + String.join("* or ", prefixes)
                    + "*; an IDX dataset directory needs train-images*, train-labels*, t10k-images*, t10k-labels* (optionally .gz)");
        }
        if (hits.size() > 1) {
            throw new DataException("ambiguous IDX files in " + dir + ": " + hits.stream().map(p -> p.getFileName().toString()).toList()
                    + " all match " + String.join("* / ", prefixes) + "*; keep one");
        }
        return hits.get(0);
    }

    /** Per-channel mean and std of the pixels (as fractions of 255). */
    static float[][] meanStd(IdxFile images) {
        int[] d = images.dims();
        int ch = d.length == 4 ? d[3] : 1;
        double[] sum = new double[ch];
        double[] sq = new double[ch];
        byte[] px = images.data();
        for (int i = 0; i < px.length; i++) {
            double v = (px[i] & 0xff) / 255.0;
            sum[i % ch] += v;
            sq[i % ch] += v * v;
        }
        float[] mean = new float[ch];
        float[] std = new float[ch];
        double n = px.length / (double) ch;
        for (int c = 0; c < ch; c++) {
            double m = sum[c] / n;
            mean[c] = (float) m;
            double sd = Math.sqrt(Math.max(0, sq[c] / n - m * m));
            std[c] = sd > 1e-6 ? (float) sd : 1f; // constant channel: just centre it
        }
        return new float[][] {mean, std};
    }
}
