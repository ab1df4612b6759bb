package org.distprop.reports.figures;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.distprop.store.MethodCatalog;

/**
 * Display names, colours and order of the methods, the same in every figure and table. They come from the store's
 * method catalogue ({@code <results>/methods.json}, {@link MethodCatalog}), which the harness writes from each
 * method factory's declared presentation; a method the catalogue does not know is shown by its name, in the
 * fallback colour, after the known ones. The report reads the catalogue of the store it renders ({@link #use}).
 */
public final class Methods {
    private static final Color FALLBACK = new Color(0x17becf);
    private static volatile Map<String, MethodCatalog.Entry> catalog = Map.of();

    private Methods() {
    }

    /** Shows methods as the store at {@code results} says (its methods.json); names only when it has none. */
    public static void use(Path results) {
        catalog = MethodCatalog.read(results);
    }

    public static String label(String method) {
        MethodCatalog.Entry e = catalog.get(method);
        return e == null || e.label() == null ? method : e.label();
    }

    /** The method's name without its configuration: "DistProp" for both DistProp configurations. */
    public static String baseLabel(String method) {
        return label(method).replace(" (as described)", "").replace(" (as run)", "");
    }

    public static Color color(String method) {
        MethodCatalog.Entry e = catalog.get(method);
        if (e == null || e.color() == null) {
            return FALLBACK;
        }
        try {
            return Color.decode(e.color());
        } catch (NumberFormatException bad) {
            return FALLBACK;
        }
    }

    /** Sort key: the catalogue's rank; methods it does not know after all others. */
    public static int rank(String method) {
        MethodCatalog.Entry e = catalog.get(method);
        return e == null ? Integer.MAX_VALUE : e.rank();
    }

    public static List<String> sorted(Collection<String> methods) {
        return methods.stream().sorted(Comparator.comparingInt(Methods::rank).thenComparing(s -> s)).toList();
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
