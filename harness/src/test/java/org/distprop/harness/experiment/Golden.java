package org.distprop.harness.experiment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.distprop.reports.figures.FigureFiles;

/**
 * GOLDEN-FILE REGRESSION CHECK for the ci-profile figure CSVs and Table 1 values.
 *
 * <p>A golden file is a small CSV checked in under {@code harness/src/test/resources/golden/ci/}: the key columns
 * that name a cell (e.g. dataset, method, x) and the metric columns compared with a per-metric tolerance. A value
 * drifts when |got - expected| > abs + rel * |expected|; text metrics (e.g. a run's status) must match exactly.
 * Rows missing on either side are drifts too. The tolerances absorb float differences between machines (thread
 * counts, CPU instruction sets) but not a broken method: at the ci scale a flipped update rule moves accuracy or
 * defect far outside them.
 *
 * <p>Regenerating on purpose: {@code make golden} sets {@code DISTPROP_GOLDEN_UPDATE=1}, under which {@link #check}
 * writes the observed values as the new golden file instead of comparing; review them with {@code git diff}.
 */
final class Golden {
    /** Where the goldens live, relative to the harness module (surefire's working directory). */
    static final Path DIR = Path.of("src/test/resources/golden/ci");
    static final String UPDATE_ENV = "DISTPROP_GOLDEN_UPDATE";
    static final String REGENERATE = "make golden";

    /** Allowed drift of one metric: |got - expected| <= abs + rel * |expected|. {@code exact} compares text. */
    record Tolerance(double abs, double rel, boolean exact) {
        static Tolerance abs(double a) {
            return new Tolerance(a, 0, false);
        }

        static Tolerance rel(double r, double a) {
            return new Tolerance(a, r, false);
        }

        static Tolerance exactly() {
            return new Tolerance(0, 0, true);
        }

        boolean holds(String expected, String got) {
            if (exact || !isNumber(expected) || !isNumber(got)) {
                return expected.equals(got);
            }
            double e = number(expected);
            double g = number(got);
            if (Double.isNaN(e) || Double.isNaN(g)) {
                return Double.isNaN(e) && Double.isNaN(g);
            }
            return Math.abs(g - e) <= abs + rel * Math.abs(e);
        }

        @Override
        public String toString() {
            if (exact) {
                return "exact";
            }
            return rel == 0 ? fmt("±%s", abs) : fmt("±(%s + %s·|expected|)", abs, rel);
        }
    }

    /** What a golden file holds: the columns naming a row, and each compared metric's tolerance. */
    record Shape(String file, List<String> keys, Map<String, Tolerance> metrics) {
    }

    record Drift(String file, String cell, String metric, String expected, String got, String tolerance) {
    }

    private Golden() {
    }

    /**
     * Compares the {@code shape}'s columns of the observed CSV with its golden file (or, in update mode, writes
     * them as the golden). Returns the drifts; empty = within tolerance.
     */
    static List<Drift> check(Shape shape, Path observedCsv) {
        List<Map<String, String>> got = project(shape, read(observedCsv));
        Path golden = DIR.resolve(shape.file());
        if (updating()) {
            write(shape, got, golden);
            return List.of();
        }
        if (!Files.isRegularFile(golden)) {
            return List.of(new Drift(shape.file(), "(whole file)", "-", "golden file " + golden.toAbsolutePath(), "missing", "-"));
        }
        return compare(shape, project(shape, read(golden)), got);
    }

    static boolean updating() {
        return "1".equals(System.getenv(UPDATE_ENV));
    }

    static List<Drift> compare(Shape shape, List<Map<String, String>> expected, List<Map<String, String>> got) {
        Map<String, Map<String, String>> e = byKey(shape, expected);
        Map<String, Map<String, String>> g = byKey(shape, got);
        List<Drift> drifts = new ArrayList<>();
        for (var row : e.entrySet()) {
            Map<String, String> other = g.get(row.getKey());
            if (other == null) {
                drifts.add(new Drift(shape.file(), row.getKey(), "(row)", "present", "missing", "-"));
                continue;
            }
            for (var m : shape.metrics().entrySet()) {
                String ev = row.getValue().get(m.getKey());
                String gv = other.get(m.getKey());
                if (!m.getValue().holds(ev, gv)) {
                    drifts.add(new Drift(shape.file(), row.getKey(), m.getKey(), ev, gv, m.getValue().toString()));
                }
            }
        }
        for (String k : g.keySet()) {
            if (!e.containsKey(k)) {
                drifts.add(new Drift(shape.file(), k, "(row)", "absent", "present", "-"));
            }
        }
        return drifts;
    }

    /** The readable diff a failing make test prints. */
    static String report(String what, List<Drift> drifts) {
        int wc = "cell".length();
        int wm = "metric".length();
        int we = "expected".length();
        int wg = "got".length();
        for (Drift d : drifts) {
            wc = Math.max(wc, d.cell().length());
            wm = Math.max(wm, d.metric().length());
            we = Math.max(we, d.expected().length());
            wg = Math.max(wg, d.got().length());
        }
        String row = "  %-" + wm + "s  %-" + wc + "s  %-" + we + "s  %-" + wg + "s  %s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(fmt("GOLDEN DRIFT in %s at the ci profile: %d value(s) outside tolerance%n", what, drifts.size()));
        sb.append(fmt(row, "metric", "cell", "expected", "got", "tolerance"));
        drifts.forEach(d -> sb.append(fmt(row, d.metric(), d.cell(), d.expected(), d.got(), d.tolerance())));
        sb.append(fmt("If this change of results is intended, regenerate the goldens with `%s` and commit them after reviewing"
                + " `git diff harness/src/test/resources/golden`.%n", REGENERATE));
        return sb.toString();
    }

    private static Map<String, Map<String, String>> byKey(Shape shape, List<Map<String, String>> rows) {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            m.put(String.join(" ", shape.keys().stream().map(k -> k + "=" + r.get(k)).toList()), r);
        }
        return m;
    }

    private static List<Map<String, String>> project(Shape shape, List<Map<String, String>> rows) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            Map<String, String> p = new LinkedHashMap<>();
            for (String c : columns(shape)) {
                String v = r.get(c);
                if (v == null) {
                    throw new IllegalStateException(shape.file() + ": column " + c + " not in " + r.keySet());
                }
                p.put(c, v);
            }
            out.add(p);
        }
        return out;
    }

    private static List<String> columns(Shape shape) {
        List<String> c = new ArrayList<>(shape.keys());
        c.addAll(shape.metrics().keySet());
        return c;
    }

    static List<Map<String, String>> read(Path csv) {
        try (Reader r = Files.newBufferedReader(csv)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                rows.add(new LinkedHashMap<>(rec.toMap()));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    static void write(Shape shape, List<Map<String, String>> rows, Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        FigureFiles.writeCsv(file, columns(shape), rows.stream().map(r -> List.<Object>copyOf(r.values())).toList());
    }

    /** A CSV number; "nan" (the reports' writer) and "NaN" (Java's) are both NaN. */
    static double number(String s) {
        return s.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(s);
    }

    private static boolean isNumber(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        try {
            number(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String fmt(String f, Object... a) {
        return String.format(Locale.ROOT, f, a);
    }
}
