package org.distprop.reports.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.distprop.store.RecordFiles;

/**
 * Checks that an ok record is whole before the report uses it: trace.csv and eval.csv exist, parse,
 * have the store's columns, every row has every field as a number (or nan), steps increase, and the
 * last rows reach the manifest's {@code steps}. A record that fails is skipped and listed with the reason.
 */
public final class RecordCheck {
    private RecordCheck() {
    }

    /** Why the record in {@code dir} with the manifest's {@code steps} is damaged, or null when it is whole. */
    public static String damage(Path dir, long steps) {
        if (steps <= 0) {
            return "manifest has no positive \"steps\"";
        }
        String t = csv(dir.resolve(RecordFiles.TRACE), RecordFiles.TRACE_REQUIRED, false, steps);
        return t != null ? t : csv(dir.resolve(RecordFiles.EVAL), RecordFiles.EVAL_COLUMNS, true, steps);
    }

    private static String csv(Path file, List<String> columns, boolean exactColumns, long steps) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            return name + " is missing";
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            List<String> header = p.getHeaderNames();
            if (exactColumns ? !header.equals(columns) : !header.containsAll(columns) || !header.get(0).equals("step")) {
                return name + " has columns " + header + ", expected " + (exactColumns ? "" : "at least ") + columns;
            }
            long last = Long.MIN_VALUE;
            long line = 1;
            for (CSVRecord rec : p) {
                line++;
                if (rec.size() != header.size()) {
                    return String.format(Locale.ROOT, "%s line %d has %d of %d fields (truncated or torn)", name, line, rec.size(), header.size());
                }
                for (int i = 0; i < rec.size(); i++) {
                    if (!numeric(rec.get(i))) {
                        return String.format(Locale.ROOT, "%s line %d: %s = '%s' is not a number", name, line, header.get(i), rec.get(i));
                    }
                }
                long step;
                try {
                    step = Long.parseLong(rec.get(0).strip());
                } catch (NumberFormatException e) {
                    return String.format(Locale.ROOT, "%s line %d: step '%s' is not an integer", name, line, rec.get(0));
                }
                if (step <= last) {
                    return String.format(Locale.ROOT, "%s line %d: step %d after step %d (rows out of order or written twice)", name, line, step, last);
                }
                last = step;
            }
            if (last != steps) {
                return last == Long.MIN_VALUE ? name + " has no rows; the manifest says " + steps + " steps"
                        : String.format(Locale.ROOT, "%s ends at step %d; the manifest says %d steps (truncated)", name, last, steps);
            }
            return null;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return name + " does not parse: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("?");
        }
    }

    private static boolean numeric(String s) {
        String t = s.strip();
        if (t.equalsIgnoreCase("nan")) {
            return true;
        }
        try {
            Double.parseDouble(t);
            return !t.isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
