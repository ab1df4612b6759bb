package org.distprop.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The offline CIFAR-10 copy: a stored zip of 32x32 JPEGs laid out as {@code train/<class>/NNNN.jpg}
 * and {@code test/<class>/NNNN.jpg}. Read straight from the zip (no unpacking); label = position of
 * the class folder in the official (alphabetical) class list.
 */
public final class CifarJpegZip {
    private CifarJpegZip() {
    }

    /** The entries of one split, sorted by (label, entry name). */
    public record SplitIndex(List<String> entries, int[] labels) {
        public int[] perClassCounts() {
            int[] c = new int[Cifar10.CLASSES.size()];
            for (int y : labels) {
                c[y]++;
            }
            return c;
        }
    }

    /**
     * Lists the entries of {@code split} ("train" or "test") and checks the layout: only known class
     * folders, {@code perClass} JPEGs in each. Errors name the zip and the offending entry.
     */
    public static SplitIndex index(Path zip, String split, int perClass) {
        try (ZipFile zf = open(zip)) {
            return index(zf, zip, split, perClass);
        } catch (IOException e) {
            throw new DataException("cannot read zip " + zip + ": " + e.getMessage(), e);
        }
    }

    static SplitIndex index(ZipFile zf, Path zip, String split, int perClass) {
        record E(String name, int label) {
        }
        List<E> found = new ArrayList<>();
        String prefix = split + "/";
        var en = zf.entries();
        while (en.hasMoreElements()) {
            ZipEntry e = en.nextElement();
            String n = e.getName();
            if (e.isDirectory() || !n.startsWith(prefix)) {
                continue;
            }
            String[] parts = n.substring(prefix.length()).split("/");
            if (parts.length != 2 || !parts[1].toLowerCase(java.util.Locale.ROOT).endsWith(".jpg")) {
                throw new DataException("unexpected entry '" + n + "' in " + zip + "; expected " + prefix + "<class>/NNNN.jpg");
            }
            int y = Cifar10.CLASSES.indexOf(parts[0]);
            if (y < 0) {
                throw new DataException("unknown class folder '" + parts[0] + "' in " + zip + " (entry " + n
                        + "); CIFAR-10 classes are " + String.join(", ", Cifar10.CLASSES));
            }
            found.add(new E(n, y));
        }
        found.sort(Comparator.comparingInt(E::label).thenComparing(E::name));
        int[] labels = found.stream().mapToInt(E::label).toArray();
        SplitIndex idx = new SplitIndex(found.stream().map(E::name).toList(), labels);
        int[] counts = idx.perClassCounts();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] != perClass) {
                throw new DataException(zip + " has " + counts[c] + " images in " + prefix + Cifar10.CLASSES.get(c)
                        + "/, expected " + perClass + "; the zip is incomplete or not the CIFAR-10 JPEG copy");
            }
        }
        return idx;
    }

    /** Decodes every image of the split (HWC bytes, in index order) with {@code threads} threads. */
    public static CifarBinary.Records decode(Path zip, SplitIndex idx, int threads) {
        int n = idx.labels().length;
        byte[] pixels = new byte[n * CifarBinary.PIXELS];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "cifar-jpeg-decode");
            t.setDaemon(true);
            return t;
        });
        try (ZipFile zf = open(zip)) {
            int chunk = 500;
            List<Future<?>> jobs = new ArrayList<>();
            for (int from = 0; from < n; from += chunk) {
                int lo = from;
                int hi = Math.min(n, from + chunk);
                jobs.add(pool.submit(() -> {
                    for (int i = lo; i < hi; i++) {
                        String name = idx.entries().get(i);
                        RgbImage img = ImageDecoder.decode(readEntry(zf, zip, name), zip + "!" + name);
                        if (img.width() != CifarBinary.SIDE || img.height() != CifarBinary.SIDE) {
                            throw new DataException("image " + zip + "!" + name + " is " + img.width() + "x" + img.height()
                                    + ", CIFAR-10 images are 32x32");
                        }
                        System.arraycopy(img.rgb(), 0, pixels, i * CifarBinary.PIXELS, CifarBinary.PIXELS);
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } catch (IOException e) {
            throw new DataException("cannot read zip " + zip + ": " + e.getMessage(), e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof DataException d) {
                throw d;
            }
            throw new DataException("decoding " + zip + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException("interrupted while decoding " + zip);
        } finally {
            pool.shutdownNow();
        }
        return new CifarBinary.Records(idx.labels().clone(), pixels);
    }

    static byte[] readEntry(ZipFile zf, Path zip, String name) {
        ZipEntry e = zf.getEntry(name);
        if (e == null) {
            throw new DataException("entry " + name + " missing from " + zip);
        }
        try (InputStream in = zf.getInputStream(e)) {
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new DataException("cannot read " + zip + "!" + name + ": " + ex.getMessage(), ex);
        }
    }

    private static ZipFile open(Path zip) throws IOException {
        if (!java.nio.file.Files.isRegularFile(zip)) {
            throw new DataException("CIFAR-10 JPEG zip not found: " + zip);
        }
        try {
            return new ZipFile(zip.toFile());
        } catch (java.util.zip.ZipException e) {
            throw new DataException(zip + " is not a readable zip file (" + e.getMessage() + ")");
        }
    }
}
