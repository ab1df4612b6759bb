package org.distprop.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CIFAR-10. Sources, in order: the official binary batches ({@code cifar-10-batches-bin/}) named by
 * {@code --cifar-dir} / {@code $DISTPROP_CIFAR10_DIR} (that flag may also name a JPEG zip), the
 * official batches fetched into {@code <data-dir>/cifar10/}, else the offline JPEG copy
 * {@code shared/datasets/cifar10-jpeg.zip}, decoded once into a cache of official-format batches.
 * Normalised with mean 0.5 and std 0.5 per channel, no augmentation (method-spec §1.6).
 */
public final class Cifar10 {
    public static final List<String> CLASSES = List.of(
            "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");
    public static final List<String> TRAIN_FILES = List.of(
            "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    public static final String TEST_FILE = "test_batch.bin";
    public static final String BATCHES_DIR = "cifar-10-batches-bin";
    public static final String ZIP_NAME = "cifar10-jpeg.zip";
    public static final String ZIP_SHA256 = "ead45e06542622104d3e17a0e554f18656c4cf310408a9ee502d835a28cf897d";
    public static final String ARCHIVE_URL = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz";
    public static final String ARCHIVE_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";
    public static final String SOURCE_BINARY = "CIFAR-10 (official binary batches)";
    public static final String SOURCE_JPEG = "CIFAR-10 (JPEG copy)";
    public static final float[] MEAN = {0.5f, 0.5f, 0.5f};
    public static final float[] STD = {0.5f, 0.5f, 0.5f};
    public static final ImageShape SHAPE = new ImageShape(32, 32, 3);

    private Cifar10() {
    }

    public static Dataset load(DataLocations loc) {
        Path user = DataLocations.flagOrEnv(loc.cifarDir(), DataLocations.CIFAR_ENV);
        if (user != null) {
            if (Files.isRegularFile(user) && user.getFileName().toString().endsWith(".zip")) {
                return loadJpeg(user, loc.dataDir());
            }
            return loadBinary(batchesDir(user));
        }
        Path fetched = dir(loc.dataDir()).resolve(BATCHES_DIR);
        if (Files.isDirectory(fetched)) {
            return loadBinary(fetched);
        }
        Path zip = SharedDatasets.find(ZIP_NAME);
        if (zip != null) {
            return loadJpeg(zip, loc.dataDir());
        }
        throw new DataException("CIFAR-10 not found: pass --cifar-dir <dir with " + BATCHES_DIR + "> (or set $"
                + DataLocations.CIFAR_ENV + "), run 'distprop data fetch cifar10', or put the JPEG copy at shared/datasets/"
                + ZIP_NAME + " beside the project (or set $" + SharedDatasets.ENV + ")");
    }

    public static Path dir(Path dataDir) {
        return dataDir.resolve("cifar10");
    }

    /** Accepts the batches directory itself or a directory containing {@code cifar-10-batches-bin/}. */
    static Path batchesDir(Path p) {
        if (!Files.exists(p)) {
            throw new DataException("CIFAR-10 directory not found: " + p);
        }
        if (!Files.isDirectory(p)) {
            throw new DataException("--cifar-dir " + p + " is neither a directory nor a .zip file");
        }
        if (Files.exists(p.resolve(TRAIN_FILES.get(0))) || Files.exists(p.resolve(TEST_FILE))) {
            return p;
        }
        if (Files.isDirectory(p.resolve(BATCHES_DIR))) {
            return p.resolve(BATCHES_DIR);
        }
        throw new DataException("wrong layout in " + p + ": expected the official CIFAR-10 binary files ("
                + String.join(", ", TRAIN_FILES) + ", " + TEST_FILE + ") there or in " + p.resolve(BATCHES_DIR));
    }

    static Dataset loadBinary(Path dir) {
        List<Path> train = new ArrayList<>();
        for (String f : TRAIN_FILES) {
            train.add(dir.resolve(f));
        }
        Path test = dir.resolve(TEST_FILE);
        for (Path f : concat(train, test)) {
            if (!Files.isRegularFile(f)) {
                throw new DataException("CIFAR-10 batch file missing: " + f + " (the official " + BATCHES_DIR
                        + " has " + String.join(", ", TRAIN_FILES) + ", " + TEST_FILE + ")");
            }
        }
        CifarBinary.Records tr = CifarBinary.read(train, CifarBinary.RECORDS_PER_BATCH);
        CifarBinary.Records te = CifarBinary.read(List.of(test), CifarBinary.RECORDS_PER_BATCH);
        Map<String, String> sums = new LinkedHashMap<>();
        for (Path f : concat(train, test)) {
            sums.put(f.getFileName().toString(), Checksums.sha256(f));
        }
        return dataset(SOURCE_BINARY + " from " + dir.toAbsolutePath(), tr, te, sums);
    }

    /** The JPEG copy, from its decoded cache when present, else decoded now (checksum verified first). */
    static Dataset loadJpeg(Path zip, Path dataDir) {
        Path cache = dir(dataDir).resolve("jpeg-" + ZIP_SHA256.substring(0, 16));
        Path trainBin = cache.resolve("train.bin");
        Path testBin = cache.resolve("test.bin");
        if (!Files.isRegularFile(trainBin) || !Files.isRegularFile(testBin)) {
            buildJpegCache(zip, cache);
        }
        CifarBinary.Records tr;
        CifarBinary.Records te;
        try {
            tr = CifarBinary.read(List.of(trainBin), 50_000);
            te = CifarBinary.read(List.of(testBin), 10_000);
        } catch (DataException e) {
            throw new DataException(e.getMessage() + " (decoded cache of " + zip + "; delete " + cache + " to rebuild it)");
        }
        return dataset(SOURCE_JPEG + ", " + ZIP_NAME + " decoded with javax.imageio", tr, te, Map.of(ZIP_NAME, ZIP_SHA256));
    }

    static void buildJpegCache(Path zip, Path cache) {
        Checksums.verify(zip, ZIP_SHA256, "use the CIFAR-10 JPEG copy described in shared/datasets/README.md, "
                + "or the official binary batches via --cifar-dir");
        DataDir.ensureWritable(cache.getParent());
        long t0 = System.nanoTime();
        int threads = Runtime.getRuntime().availableProcessors();
        System.err.println("decoding the CIFAR-10 JPEG copy " + zip + " once into " + cache + " (" + threads + " threads) ...");
        var trIdx = CifarJpegZip.index(zip, "train", 5_000);
        var teIdx = CifarJpegZip.index(zip, "test", 1_000);
        var tr = CifarJpegZip.decode(zip, trIdx, threads);
        var te = CifarJpegZip.decode(zip, teIdx, threads);
        Path tmp;
        try {
            tmp = Files.createTempDirectory(cache.getParent(), ".jpeg-cache");
            CifarBinary.write(tmp.resolve("train.bin"), tr.labels(), tr.pixels());
            CifarBinary.write(tmp.resolve("test.bin"), te.labels(), te.pixels());
            Mnist.deleteRecursively(cache);
            try {
                Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) { // another process finished the same cache first: keep theirs
                Mnist.deleteRecursively(tmp);
                if (!Files.isRegularFile(cache.resolve("train.bin")) || !Files.isRegularFile(cache.resolve("test.bin"))) {
                    throw raced;
                }
            }
        } catch (IOException e) {
            throw new DataException("cannot write the CIFAR-10 cache " + cache + ": " + e.getMessage());
        }
        System.err.printf("decoded 60000 images in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static Dataset dataset(String source, CifarBinary.Records tr, CifarBinary.Records te, Map<String, String> sums) {
        return new BasicDataset("cifar10", source, 10, SHAPE,
                new InMemorySplit(tr.pixels(), tr.labels(), SHAPE, MEAN, STD),
                new InMemorySplit(te.pixels(), te.labels(), SHAPE, MEAN, STD), sums);
    }

    private static List<Path> concat(List<Path> a, Path b) {
        List<Path> all = new ArrayList<>(a);
        all.add(b);
        return all;
    }

    /**
     * Downloads the official binary archive, checks its md5 and unpacks it into
     * {@code <data-dir>/cifar10/cifar-10-batches-bin}. Without network, says so and names the offline options.
     */
    public static void fetch(Path dataDir) {
        fetch(dataDir, URI.create(ARCHIVE_URL), ARCHIVE_MD5);
    }

    static void fetch(Path dataDir, URI url, String md5) {
        Path target = dir(dataDir).resolve(BATCHES_DIR);
        DataDir.ensureWritable(dir(dataDir));
        String offline = "offline options: --cifar-dir <your " + BATCHES_DIR + "> (or $" + DataLocations.CIFAR_ENV
                + "), or the JPEG copy shared/datasets/" + ZIP_NAME + " which is used automatically";
        Path tmp;
        try {
            tmp = Files.createTempDirectory(dir(dataDir), ".cifar-fetch");
        } catch (IOException e) {
            throw new DataException("cannot create a temporary directory in " + dir(dataDir) + ": " + e.getMessage());
        }
        try {
            Path tgz = tmp.resolve("cifar-10-binary.tar.gz");
            download(url, tgz, offline);
            String actual = Checksums.md5(tgz);
            if (!actual.equalsIgnoreCase(md5)) {
                throw new DataException("checksum mismatch for " + url + " (expected md5 " + md5 + ", got " + actual
                        + "); the download is corrupted or not the official archive; " + offline);
            }
            ExternalCommand.run(tmp, "the archive is damaged; run the fetch again, " + offline, "tar", "-xzf", tgz.getFileName().toString());
            Path unpacked = tmp.resolve(BATCHES_DIR);
            loadBinary(unpacked); // validates sizes and labels before it replaces anything
            Mnist.deleteRecursively(target);
            Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DataException("fetching CIFAR-10 into " + target + " failed: " + e.getMessage() + "; " + offline);
        } finally {
            Mnist.deleteRecursively(tmp);
        }
    }

    private static void download(URI url, Path to, String offline) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            System.err.println("downloading " + url + " ...");
            HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(30)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                r.body().close();
                throw new DataException("download of " + url + " failed (HTTP " + r.statusCode() + "); " + offline);
            }
            try (InputStream in = r.body()) {
                Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DataException("cannot download " + url + " (network unreachable? " + e + "); " + offline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException("interrupted while downloading " + url);
        }
    }
}
