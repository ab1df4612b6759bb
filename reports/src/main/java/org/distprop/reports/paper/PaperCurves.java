package org.distprop.reports.paper;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The authors' plotted MNIST curves (every drawn point of the paper's Test Error and Mean Defect
 * Magnitude panels, mean and mean +- population std band; copied from shared/docs/paper/curves, whose
 * README is beside the CSVs in this package's resources). Their logging counter advances 58 per epoch
 * at batch 1024 (59 batches, method-spec §1.7), so iteration 58·e is the end of epoch e; we map by
 * epoch, never by raw step. DTP and OAM were logged by their own repositories with other counters
 * (baselines-spec §0.4) and are not mapped here.
 */
public final class PaperCurves {
    /** The authors' counter per MNIST epoch at batch 1024. */
    public static final int COUNTER_PER_EPOCH = 58;
    static final String DIR = "/org/distprop/reports/paper-curves/";
    /** Runs behind each of their curves: the 28-May sweep cache (method-spec §4.2-4.3). */
    static final Map<String, Integer> RUNS = Map.of("distprop", 9, "regularized", 10, "gda", 5, "extraprop", 8);

    /** A quantity the authors plotted, with the file and panel title it comes from. */
    public enum Quantity {
        TEST_ERROR("test_error.csv", "Test Error"),
        MEAN_ABS_DEFECT("mean_defect_magnitude.csv", "Mean Defect Magnitude");

        final String file;
        final String panel;

        Quantity(String file, String panel) {
            this.file = file;
            this.panel = panel;
        }
    }

    /** One drawn point: the band is mean +- population std over their runs. */
    public record Point(double iteration, double mean, double low, double high) {
        public double epoch() {
            return iteration / COUNTER_PER_EPOCH;
        }

        public double std() {
            return (high - low) / 2;
        }
    }

    /** One of their curves: the series name (their method, run as the authors' code ran it), runs, points. */
    public record Curve(String series, int runs, List<Point> points) {
        /** The point at the end of epoch {@code e} (iteration 58·e), or null if they drew none there. */
        public Point atEpochEnd(int e) {
            for (Point p : points) {
                if (p.iteration() == (double) e * COUNTER_PER_EPOCH) {
                    return p;
                }
            }
            return null;
        }
    }

    private final Map<Quantity, Map<String, Curve>> curves;

    private PaperCurves(Map<Quantity, Map<String, Curve>> curves) {
        this.curves = curves;
    }

    /** The checked-in curves. */
    public static PaperCurves load() {
        Map<Quantity, Map<String, Curve>> all = new LinkedHashMap<>();
        for (Quantity q : Quantity.values()) {
            Map<String, List<Point>> pts = new LinkedHashMap<>();
            try (InputStream in = PaperCurves.class.getResourceAsStream(DIR + q.file)) {
                if (in == null) {
                    throw new IllegalStateException("paper curves resource " + DIR + q.file + " missing from the class path");
                }
                Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
                for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                    if (!q.panel.equals(rec.get("figure"))) {
                        continue;
                    }
                    pts.computeIfAbsent(rec.get("series"), k -> new ArrayList<>()).add(new Point(Double.parseDouble(rec.get("iteration")),
                            Double.parseDouble(rec.get("mean")), Double.parseDouble(rec.get("band_low")), Double.parseDouble(rec.get("band_high"))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + DIR + q.file, e);
            }
            Map<String, Curve> byS = new LinkedHashMap<>();
            pts.forEach((s, p) -> {
                if (RUNS.containsKey(s)) { // DTP / OAM: other counters, not mapped (class comment)
                    p.sort(java.util.Comparator.comparingDouble(Point::iteration));
                    byS.put(s, new Curve(s, RUNS.get(s), List.copyOf(p)));
                }
            });
            all.put(q, byS);
        }
        return new PaperCurves(all);
    }

    /**
     * Their curve for one of our methods, or null: the authors ran one configuration of each method
     * (their code), so both our configurations of a method ("distprop", "distprop-asrun") share it.
     */
    public Curve forMethod(Quantity q, String method) {
        return curves.get(q).get(baseMethod(method));
    }

    /** "distprop-asrun" -> "distprop": the method a configuration belongs to. */
    public static String baseMethod(String method) {
        return method.endsWith(AS_RUN_SUFFIX) ? method.substring(0, method.length() - AS_RUN_SUFFIX.length()) : method;
    }

    /** Our configuration that corresponds to the authors' code (the one their curves are compared with). */
    public static boolean isAsRun(String method) {
        return method.endsWith(AS_RUN_SUFFIX) || !HAS_AS_RUN.contains(method);
    }

    /** Name suffix of the as-run configurations (methods module: ExtraPropAsRunFactory, DistPropAsRunFactory). */
    public static final String AS_RUN_SUFFIX = "-asrun";
    /** Methods whose as-described configuration differs from the authors' code (method-spec §2.5.3, §2.6.3). */
    public static final List<String> HAS_AS_RUN = List.of("extraprop", "distprop");
}
