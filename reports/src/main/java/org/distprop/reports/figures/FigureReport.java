package org.distprop.reports.figures;

import java.util.List;

/**
 * What the report says about one figure: whether it was drawn, its files (name.png / .svg / .csv in
 * the output directory), a caption with the aggregation rule, and the runs that were NOT averaged in.
 */
public record FigureReport(String id, String title, boolean rendered, String caption, List<String> excluded,
                           List<String> experiments) {
    public static FigureReport notRun(String id, String title, String why, List<String> experiments) {
        return new FigureReport(id, title, false, why, List.of(), experiments);
    }
}
