package org.distprop.reports.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.distprop.reports.stats.Band;
import org.distprop.reports.store.CsvTable;
import org.distprop.reports.store.ResultsStore;
import org.distprop.reports.store.RunInfo;

/** Loads one curve per ok run of a cell and aggregates them into a {@link Band}; non-ok runs are listed. */
final class Curves {
    private Curves() {
    }

    /** A run's curve, or null when the run has no such column (e.g. SGD has no defect). */
    static Band band(ResultsStore.Cell cell, Function<RunInfo, CsvTable.Series> curve, List<String> excluded) {
        List<CsvTable.Series> runs = new ArrayList<>();
        for (RunInfo r : cell.ok()) {
            CsvTable.Series s = curve.apply(r);
            if (s != null && s.size() > 0) {
                runs.add(s);
            }
        }
        for (RunInfo r : cell.excluded()) {
            excluded.add(Methods.datasetLabel(cell.dataset()) + " " + Methods.label(cell.method()) + ": " + r.describeExclusion());
        }
        return runs.isEmpty() ? null : Band.of(runs, Band.MAX_POINTS);
    }

    static String exclusionNote(List<String> excluded) {
        return excluded.isEmpty() ? "No run was excluded." : excluded.size() + " run(s) excluded (not averaged in), listed below.";
    }
}
