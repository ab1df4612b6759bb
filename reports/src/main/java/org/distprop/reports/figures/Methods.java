package org.distprop.reports.figures;

import java.awt.Color;
import java.util.List;
import java.util.Map;

/** Display names, colours and order of the methods, the same in every figure and table. */
public final class Methods {
    /** Table and legend order: the paper's Table 1 order, then the baselines. */
    public static final List<String> ORDER = List.of("sgd", "regularized", "gda", "extraprop", "distprop", "dtp", "dfa", "fa", "oam");

    private static final Map<String, String> LABELS = Map.of("sgd", "SGD", "regularized", "Regularized", "gda", "GDA",
            "extraprop", "ExtraProp", "distprop", "DistProp", "dtp", "DTP", "dfa", "DFA", "fa", "FA", "oam", "OAM");

    private static final Map<String, Color> COLORS = Map.of(
            "distprop", new Color(0x1f77b4), "extraprop", new Color(0xff7f0e), "gda", new Color(0x2ca02c),
            "regularized", new Color(0xd62728), "sgd", new Color(0x595959), "dtp", new Color(0x9467bd),
            "dfa", new Color(0x8c564b), "fa", new Color(0xbcbd22), "oam", new Color(0xe377c2));

    private Methods() {
    }

    public static String label(String method) {
        return LABELS.getOrDefault(method, method);
    }

    public static Color color(String method) {
        return COLORS.getOrDefault(method, new Color(0x17becf));
    }

    /** Sort key: known methods in {@link #ORDER}, unknown ones after, alphabetically. */
    public static int rank(String method) {
        int i = ORDER.indexOf(method);
        return i >= 0 ? i : ORDER.size();
    }

    public static List<String> sorted(java.util.Collection<String> methods) {
        return methods.stream().sorted(java.util.Comparator.comparingInt(Methods::rank).thenComparing(s -> s)).toList();
    }

    public static String datasetLabel(String dataset) {
        return switch (dataset) {
            case "mnist" -> "MNIST";
            case "cifar10" -> "CIFAR-10";
            case "imagenet" -> "ImageNet";
            default -> dataset;
        };
    }
}
