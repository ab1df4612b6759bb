package org.distprop.reports.figures;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One vertical axis of the parallel-coordinates plot: numeric (linear or log) or categorical.
 * Log when the parameter is a learning rate (name has an "lr" word or says learning rate), or when
 * its positive values span at least two decades. Text values, and integers with at most
 * {@value #MAX_INTEGER_CATEGORIES} distinct values (a categorical sweep such as num_samples {32, 256,
 * 2048}), are categories, in numeric order where numeric.
 */
public record Axis(String name, Kind kind, double min, double max, List<String> categories) {
    public enum Kind { LINEAR, LOG, CATEGORICAL }

    private static final Pattern LEARNING_RATE = Pattern.compile("(^|[_.-])lr([_.-]|$)|learning.?rate", Pattern.CASE_INSENSITIVE);

    public static final int MAX_INTEGER_CATEGORIES = 6;

    public static Axis of(String name, List<JsonNode> values) {
        boolean numeric = values.stream().allMatch(JsonNode::isNumber);
        boolean fewIntegers = numeric && values.stream().allMatch(v -> v.asDouble() == Math.rint(v.asDouble()))
                && values.stream().map(JsonNode::asDouble).distinct().count() <= MAX_INTEGER_CATEGORIES;
        if (!numeric || values.isEmpty() || fewIntegers) {
            List<String> cats = numeric
                    ? values.stream().map(JsonNode::asDouble).distinct().sorted().map(Axis::format).toList()
                    : new ArrayList<>(new TreeSet<>(values.stream().map(JsonNode::asText).toList()));
            return new Axis(name, Kind.CATEGORICAL, 0, Math.max(1, cats.size() - 1), cats);
        }
        double lo = values.stream().mapToDouble(JsonNode::asDouble).min().orElse(0);
        double hi = values.stream().mapToDouble(JsonNode::asDouble).max().orElse(1);
        boolean log = lo > 0 && (LEARNING_RATE.matcher(name).find() || hi / lo >= 100);
        if (lo == hi) {
            lo = log ? lo / 2 : lo - 1;
            hi = log ? hi * 2 : hi + 1;
        }
        return new Axis(name, log ? Kind.LOG : Kind.LINEAR, lo, hi, List.of());
    }

    public static Axis numeric(String name, double lo, double hi) {
        return new Axis(name, Kind.LINEAR, lo, lo == hi ? hi + 1e-9 : hi, List.of());
    }

    /** Position in [0, 1] from the bottom of the axis. */
    public double position(JsonNode v) {
        if (kind == Kind.CATEGORICAL) {
            String key = v.isNumber() ? format(v.asDouble()) : v.asText();
            return categories.size() <= 1 ? 0.5 : categories.indexOf(key) / (double) (categories.size() - 1);
        }
        return position(v.asDouble());
    }

    public double position(double v) {
        if (kind == Kind.LOG) {
            return (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        }
        return (v - min) / (max - min);
    }

    /** Tick values and their labels: categories, decades on log axes (or the ends if none fits), 5 nice steps otherwise. */
    public List<Tick> ticks() {
        List<Tick> t = new ArrayList<>();
        if (kind == Kind.CATEGORICAL) {
            for (int i = 0; i < categories.size(); i++) {
                t.add(new Tick(categories.size() <= 1 ? 0.5 : i / (double) (categories.size() - 1), categories.get(i)));
            }
            return t;
        }
        if (kind == Kind.LOG) {
            for (int e = (int) Math.ceil(Math.log10(min) - 1e-9); e <= Math.floor(Math.log10(max) + 1e-9); e++) {
                t.add(new Tick(position(Math.pow(10, e)), "1e" + e));
            }
            if (t.size() < 3) { // under three decades: add 2x and 5x ticks
                t.clear();
                for (int e = (int) Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
                    for (int m : new int[] {1, 2, 5}) {
                        double v = m * Math.pow(10, e);
                        if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) {
                            t.add(new Tick(position(v), format(v)));
                        }
                    }
                }
            }
            if (t.size() < 2) {
                t.clear();
                t.add(new Tick(0, format(min)));
                t.add(new Tick(1, format(max)));
            }
            return t;
        }
        double step = niceStep((max - min) / 4);
        for (double v = Math.ceil(min / step - 1e-9) * step; v <= max + 1e-9 * step; v += step) {
            t.add(new Tick(position(v), format(Math.abs(v) < step * 1e-6 ? 0 : v)));
        }
        return t;
    }

    public record Tick(double position, String label) {
    }

    static double niceStep(double raw) {
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
    }

    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e4 ? String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "")
                : String.format(Locale.ROOT, "%.3e", v).replaceAll("\\.?0+e", "e").replace("e-0", "e-").replace("e+0", "e").replace("e+", "e");
    }
}
