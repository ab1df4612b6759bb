package org.distprop.reports.figures;

import java.awt.Color;
import java.util.List;
import java.util.Map;

/** Display names, colours and order of the methods, the same in every figure and table. */
public final class Methods {
    /**
     * Table and legend order: the paper's Table 1 order, then the baselines. ExtraProp and DistProp come in two
     * configurations: as described (the paper's equations; the plain names) and as run (the authors' code behind
     * the paper's numbers; "-asrun", methods module VariantFactory).
     */
    public static final List<String> ORDER = List.of("sgd", "regularized", "gda", "extraprop", "extraprop-asrun", "distprop",
            "distprop-asrun", "dtp", "dfa", "fa", "oam");

    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("sgd", "SGD"), Map.entry("regularized", "Regularized"),
            Map.entry("gda", "GDA"), Map.entry("extraprop", "ExtraProp (as described)"), Map.entry("extraprop-asrun", "ExtraProp (as run)"),
            Map.entry("distprop", "DistProp (as described)"), Map.entry("distprop-asrun", "DistProp (as run)"), Map.entry("dtp", "DTP"),
            Map.entry("dfa", "DFA"), Map.entry("fa", "FA"), Map.entry("oam", "OAM"));

    private static final Map<String, Color> COLORS = Map.ofEntries(
            Map.entry("distprop-asrun", new Color(0x1f77b4)), Map.entry("distprop", new Color(0x6baed6)),
            Map.entry("extraprop-asrun", new Color(0xff7f0e)), Map.entry("extraprop", new Color(0xb8860b)),
            Map.entry("gda", new Color(0x2ca02c)), Map.entry("regularized", new Color(0xd62728)), Map.entry("sgd", new Color(0x595959)),
            Map.entry("dtp", new Color(0x9467bd)), Map.entry("dfa", new Color(0x8c564b)), Map.entry("fa", new Color(0xbcbd22)),
            Map.entry("oam", new Color(0xe377c2)));

    private Methods() {
    }

    public static String label(String method) {
        return LABELS.getOrDefault(method, method);
    }

    /** The method's name without its configuration: "DistProp" for both DistProp configurations. */
    public static String baseLabel(String method) {
        return label(method).replace(" (as described)", "").replace(" (as run)", "");
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
