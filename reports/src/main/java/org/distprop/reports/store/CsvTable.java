package org.distprop.reports.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A numeric CSV (trace.csv / eval.csv): header plus rows of doubles; "nan" and blanks read as NaN. */
public record CsvTable(List<String> header, List<double[]> rows) {
    public static CsvTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new CsvTable(List.of(), List.of());
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            List<String> header = p.getHeaderNames();
            List<double[]> rows = new ArrayList<>();
            for (CSVRecord rec : p) {
                double[] v = new double[header.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = i < rec.size() ? parse(rec.get(i)) : Double.NaN;
                }
                rows.add(v);
            }
            return new CsvTable(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static double parse(String s) {
        String t = s.strip();
        if (t.isEmpty() || t.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public int column(String name) {
        return header.indexOf(name);
    }

    public boolean has(String name) {
        return column(name) >= 0;
    }

    /** Values of {@code y} keyed by the values of {@code x}, rows where either is NaN dropped. */
    public Series series(String x, String y) {
        int xi = column(x);
        int yi = column(y);
        if (xi < 0 || yi < 0) {
            return new Series(new double[0], new double[0]);
        }
        List<double[]> pts = new ArrayList<>();
        for (double[] row : rows) {
            if (!Double.isNaN(row[xi]) && !Double.isNaN(row[yi])) {
                pts.add(new double[] {row[xi], row[yi]});
            }
        }
        return new Series(pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray());
    }

    public record Series(double[] x, double[] y) {
        public int size() {
            return x.length;
        }
    }
}
