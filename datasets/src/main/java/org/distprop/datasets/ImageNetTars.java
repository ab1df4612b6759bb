package org.distprop.datasets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * ImageNet from the official archives, read in place: {@code ILSVRC2012_img_train.tar} (one
 * {@code <wnid>.tar} per class inside) and {@code ILSVRC2012_img_val.tar} (50,000 flat JPEGs). The
 * val archive carries no labels; they are read from a file beside it: {@code LOC_val_solution.csv}
 * (Kaggle's "ImageId,PredictionString" with the wnid first) or {@code val_labels.txt} (lines
 * "ILSVRC2012_val_00000001.JPEG n01751748"). Labels = sorted wnids of the train archive.
 */
final class ImageNetTars {
    static final String TRAIN_TAR = "ILSVRC2012_img_train.tar";
    static final String VAL_TAR = "ILSVRC2012_img_val.tar";
    static final List<String> LABEL_FILES = List.of("LOC_val_solution.csv", "val_labels.txt");

    private ImageNetTars() {
    }

    static boolean present(Path root) {
        return Files.isRegularFile(root.resolve(VAL_TAR));
    }

    /** Images of one split: a store over tar members and their labels, grouped by class. */
    record Part(ImageStore store, int[] labels, List<String> classes) {
    }

    static Part train(Path tar) {
        FileChannel ch = open(tar);
        List<TarIndex.Member> outer = TarIndex.scan(ch, tar, 0, size(ch, tar));
        List<TarIndex.Member> classTars = outer.stream().filter(m -> m.name().endsWith(".tar"))
                .sorted(Comparator.comparing(TarIndex.Member::name)).toList();
        if (classTars.isEmpty()) {
            throw new DataException("wrong layout in " + tar + ": expected one <wnid>.tar per class inside");
        }
        List<String> classes = new ArrayList<>();
        List<TarIndex.Member> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (TarIndex.Member c : classTars) {
            String wnid = Path.of(c.name()).getFileName().toString().replaceFirst("\\.tar$", "");
            int y = classes.size();
            classes.add(wnid);
            List<TarIndex.Member> inner = new ArrayList<>(TarIndex.scan(ch, tar, c.offset(), c.size()));
            inner.removeIf(m -> !ImageNet.isImage(Path.of(m.name())));
            inner.sort(Comparator.comparing(TarIndex.Member::name));
            images.addAll(inner);
            inner.forEach(m -> labels.add(y));
        }
        return new Part(store(ch, tar, images), labels.stream().mapToInt(Integer::intValue).toArray(), classes);
    }

    /** The val archive with labels from the label file; {@code classes} null = take them from the labels. */
    static Part val(Path root, List<String> classes) {
        Path tar = root.resolve(VAL_TAR);
        Path labelFile = LABEL_FILES.stream().map(root::resolve).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new DataException(tar + " has no labels; put " + String.join(" or ", LABEL_FILES)
                        + " beside it (lines 'ILSVRC2012_val_00000001.JPEG n01751748'), or use an ImageFolder val/ tree"));
        Map<String, String> wnidOf = readLabels(labelFile);
        if (classes == null) {
            classes = List.copyOf(new TreeSet<>(wnidOf.values()));
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        FileChannel ch = open(tar);
        List<TarIndex.Member> members = new ArrayList<>(TarIndex.scan(ch, tar, 0, size(ch, tar)));
        members.removeIf(m -> !ImageNet.isImage(Path.of(m.name())));
        record L(TarIndex.Member m, int y) {
        }
        List<L> items = new ArrayList<>();
        for (TarIndex.Member m : members) {
            String stem = stem(m.name());
            String wnid = wnidOf.get(stem);
            if (wnid == null) {
                throw new DataException(labelFile + " has no label for " + m.name() + " of " + tar);
            }
            Integer y = index.get(wnid);
            if (y == null) {
                throw new DataException(labelFile + " labels " + m.name() + " as " + wnid + ", which is not a training class");
            }
            items.add(new L(m, y));
        }
        items.sort(Comparator.comparingInt(L::y).thenComparing(l -> l.m().name())); // grouped by class
        return new Part(store(ch, tar, items.stream().map(L::m).toList()), items.stream().mapToInt(L::y).toArray(), classes);
    }

    static Map<String, String> readLabels(Path file) {
        Map<String, String> m = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] t = line.strip().split("[,\\s]+");
                if (t.length < 2 || t[0].equals("ImageId") || !t[1].matches("n\\d{8}")) {
                    continue; // header or blank
                }
                m.put(stem(t[0]), t[1]);
            }
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage());
        }
        if (m.isEmpty()) {
            throw new DataException(file + " contains no 'image wnid' lines");
        }
        return m;
    }

    private static String stem(String name) {
        String n = Path.of(name).getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static ImageStore store(FileChannel ch, Path tar, List<TarIndex.Member> members) {
        return new ImageStore() {
            @Override
            public int size() {
                return members.size();
            }

            @Override
            public String name(int i) {
                return tar + "!" + members.get(i).name();
            }

            @Override
            public byte[] read(int i) throws IOException {
                TarIndex.Member m = members.get(i);
                ByteBuffer buf = ByteBuffer.allocate((int) m.size());
                TarIndex.readFully(ch, buf, m.offset(), tar);
                return buf.array();
            }
        };
    }

    private static FileChannel open(Path tar) {
        try {
            return FileChannel.open(tar, StandardOpenOption.READ); // kept open for the dataset's lifetime
        } catch (IOException e) {
            throw new DataException("cannot open " + tar + ": " + e.getMessage());
        }
    }

    private static long size(FileChannel ch, Path tar) {
        try {
            return ch.size();
        } catch (IOException e) {
            throw new DataException("cannot read " + tar + ": " + e.getMessage());
        }
    }
}
