package org.distprop.reports.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.distprop.reports.figures.Methods;

/** Table 1 and the directional claims as Markdown, HTML and LaTeX (booktabs); the same cells in each. */
public final class TableFormats {
    static final List<String> HEADER = List.of("Dataset", "Method", "Test accuracy (mean ± std, n)", "Best run", "Final defect",
            "Paper", "Diff (best − paper)", "Verdict", "Runs not averaged");

    private TableFormats() {
    }

    /** The cells of one row as text (the ± and − are Unicode; LaTeX replaces them). */
    static List<String> cells(Table1.Row r) {
        boolean any = r.ok() > 0;
        return List.of(dataset(r), label(r),
                any ? f4(r.mean()) + " ± " + (Double.isNaN(r.std()) ? "n/a" : f4(r.std())) + " (n=" + r.ok() + ")" : "-",
                any ? f4(r.best()) : "-",
                Double.isNaN(r.defect()) ? "-" : sci(r.defect()),
                Double.isNaN(r.paper()) ? "-" : f4(r.paper()) + (r.paperDefect().isEmpty() ? "" : " / " + r.paperDefect()),
                any && !Double.isNaN(r.paper()) ? signed(r.difference()) : "-",
                r.verdict(),
                r.notOk() == 0 ? "" : r.notOkSummary());
    }

    /** ImageNet's DistProp is the authors' family-B code, whose rule is the paper's (method-spec §3): one configuration, no suffix. */
    static String label(Table1.Row r) {
        return r.dataset().equals("imagenet") ? Methods.baseLabel(r.method()) : Methods.label(r.method());
    }

    static String dataset(Table1.Row r) {
        String d = Methods.datasetLabel(r.dataset());
        return r.metric().equals("top1") && !r.dataset().equals("imagenet") ? d : d + " " + r.metric().replace("top", "top-");
    }

    public static String markdown(List<Table1.Row> rows, List<Directional.Result> directional, Claims claims, String profile) {
        StringBuilder sb = new StringBuilder("# Table 1: test accuracy and final defect (profile: " + profile + ")\n\n");
        sb.append("| ").append(String.join(" | ", HEADER)).append(" |\n|");
        HEADER.forEach(h -> sb.append("---|"));
        sb.append('\n');
        for (Table1.Row r : rows) {
            sb.append("| ").append(String.join(" | ", cells(r).stream().map(s -> s.replace("|", "\\|")).toList())).append(" |\n");
        }
        sb.append("\nPaper column: test accuracy / final defect as printed. ").append(rule(claims)).append('\n');
        if (!claims.literatureNote().isEmpty()) {
            sb.append('\n').append(Table1.LITERATURE).append(" rows: ").append(claims.literatureNote()).append('\n');
        }
        notes(rows).forEach(n -> sb.append("\n- ").append(n));
        List<String> gaps = configurationGaps(rows);
        if (!gaps.isEmpty()) {
            sb.append("\n\n## As run vs as described\n\n").append(GAP_INTRO).append('\n');
            gaps.forEach(g -> sb.append("\n- ").append(g));
        }
        sb.append("\n\n## Directional claims\n\n| Dataset | Claim | n | Means | t | p (one-sided) | Verdict | Source |\n|---|---|---|---|---|---|---|---|\n");
        for (Directional.Result d : directional) {
            sb.append("| ").append(String.join(" | ", directionalCells(d))).append(" |\n");
        }
        sb.append("\n").append(claims.directionalRule()).append('\n');
        return sb.toString();
    }

    static List<String> directionalCells(Directional.Result d) {
        return List.of(Methods.datasetLabel(d.claim().dataset()),
                Methods.label(d.claim().better()) + " > " + Methods.label(d.claim().worse()),
                d.nBetter() + " vs " + d.nWorse(),
                (Double.isNaN(d.meanBetter()) ? "-" : f4(d.meanBetter())) + " vs " + (Double.isNaN(d.meanWorse()) ? "-" : f4(d.meanWorse())),
                Double.isNaN(d.t()) ? "-" : String.format(Locale.ROOT, "%.2f", d.t()),
                Double.isNaN(d.pOneSided()) ? "-" : String.format(Locale.ROOT, "%.3g", d.pOneSided()),
                d.verdict(), d.claim().source());
    }

    static final String GAP_INTRO = "ExtraProp and DistProp in both configurations, same data, steps and seeds: as run (the authors'"
            + " code behind the paper's numbers: legacy double descent-ascent step, DistProp's prototype-axis loss; method-spec"
            + " 2.6.3, 2.5.3) minus as described (the paper's eq. 2 extragradient and cross-entropy over logits).";

    /** One line per method run in both configurations: the accuracy and defect differences, as run minus as described. */
    static List<String> configurationGaps(List<Table1.Row> rows) {
        List<String> out = new ArrayList<>();
        for (Table1.Row run : rows) {
            if (!run.method().endsWith(org.distprop.reports.paper.PaperCurves.AS_RUN_SUFFIX) || run.ok() == 0) {
                continue;
            }
            String base = org.distprop.reports.paper.PaperCurves.baseMethod(run.method());
            for (Table1.Row desc : rows) {
                if (desc.method().equals(base) && desc.dataset().equals(run.dataset()) && desc.metric().equals(run.metric()) && desc.ok() > 0) {
                    out.add(String.format(Locale.ROOT, "%s %s: accuracy %s (%s vs %s, n=%d vs %d); final defect %s vs %s", dataset(run),
                            Methods.baseLabel(base), signed(run.mean() - desc.mean()), f4(run.mean()), f4(desc.mean()), run.ok(), desc.ok(),
                            Double.isNaN(run.defect()) ? "-" : sci(run.defect()), Double.isNaN(desc.defect()) ? "-" : sci(desc.defect())));
                }
            }
        }
        return out;
    }

    static String rule(Claims c) {
        return "Verdict rule: " + c.verdictRule() + " Tolerance: " + c.tolerance() + " (" + c.toleranceNote() + ").";
    }

    /** Per-row notes (paper caveats) and every run not averaged in. */
    static List<String> notes(List<Table1.Row> rows) {
        List<String> out = new ArrayList<>();
        for (Table1.Row r : rows) {
            String who = dataset(r) + " " + label(r);
            if (!r.note().isEmpty()) {
                out.add(who + ": paper value note: " + r.note());
            }
            if (!r.metric().equals("top5")) { // top-5 rows share their runs with the top-1 row
                r.excluded().forEach(e -> out.add(who + ": not averaged: " + e));
            }
        }
        return out;
    }

    public static String html(List<Table1.Row> rows, List<Directional.Result> directional, Claims claims, String profile) {
        StringBuilder sb = new StringBuilder("<table class=\"t1\">\n<caption>Table 1: test accuracy and final defect (profile: ")
                .append(esc(profile)).append(")</caption>\n<thead><tr>");
        HEADER.forEach(h -> sb.append("<th>").append(esc(h)).append("</th>"));
        sb.append("</tr></thead>\n<tbody>\n");
        for (Table1.Row r : rows) {
            sb.append("<tr class=\"").append(r.verdict().toLowerCase(Locale.ROOT).replace(' ', '-')).append("\">");
            cells(r).forEach(c -> sb.append("<td>").append(esc(c)).append("</td>"));
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n<p>Paper column: test accuracy / final defect as printed. ").append(esc(rule(claims))).append("</p>\n");
        if (!claims.literatureNote().isEmpty()) {
            sb.append("<p>").append(Table1.LITERATURE).append(" rows: ").append(esc(claims.literatureNote())).append("</p>\n");
        }
        sb.append("<ul>\n");
        notes(rows).forEach(n -> sb.append("<li>").append(esc(n)).append("</li>\n"));
        sb.append("</ul>\n");
        List<String> gaps = configurationGaps(rows);
        if (!gaps.isEmpty()) {
            sb.append("<h3>As run vs as described</h3>\n<p>").append(esc(GAP_INTRO)).append("</p>\n<ul>\n");
            gaps.forEach(g -> sb.append("<li>").append(esc(g)).append("</li>\n"));
            sb.append("</ul>\n");
        }
        sb.append("<table class=\"dir\">\n<caption>Directional claims</caption>\n<thead><tr>");
        for (String h : List.of("Dataset", "Claim", "n", "Means", "t", "p (one-sided)", "Verdict", "Source")) {
            sb.append("<th>").append(h).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (Directional.Result d : directional) {
            sb.append("<tr class=\"").append(d.verdict().toLowerCase(Locale.ROOT).replace(' ', '-')).append("\">");
            directionalCells(d).forEach(c -> sb.append("<td>").append(esc(c)).append("</td>"));
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n<p>").append(esc(claims.directionalRule())).append("</p>\n");
        return sb.toString();
    }

    public static String latex(List<Table1.Row> rows, Claims claims, String profile) {
        StringBuilder sb = new StringBuilder("% Table 1 generated by `distprop report` (profile: " + profile + "); needs \\usepackage{booktabs}\n");
        sb.append("\\begin{table}[t]\n\\centering\\small\n\\begin{tabular}{llllllll}\n\\toprule\n");
        sb.append(String.join(" & ", HEADER.subList(0, 8).stream().map(TableFormats::tex).toList())).append(" \\\\\n\\midrule\n");
        String last = null;
        for (Table1.Row r : rows) {
            List<String> c = cells(r).subList(0, 8);
            if (last != null && !last.equals(r.dataset() + r.metric())) {
                sb.append("\\midrule\n");
            }
            last = r.dataset() + r.metric();
            sb.append(String.join(" & ", c.stream().map(TableFormats::tex).toList())).append(" \\\\\n");
        }
        sb.append("\\bottomrule\n\\end{tabular}\n\\caption{Test accuracy (mean $\\pm$ sample std over completed seeds) and final mean $|$defect$|$;"
                + " paper values from the paper's Table 1 (ImageNet top-5 reconstructed from a damaged scan). ")
                .append(tex("Verdict: REPRODUCED when the paper value (a best run of a sweep) is within max(" + claims.tolerance()
                        + ", 2 std) of our best seed; REDUCED SCALE when the runs are not at the paper's protocol. Runs not averaged in"
                        + " (diverged/failed) are listed in table1.md."))
                .append("}\n\\end{table}\n");
        return sb.toString();
    }

    static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String signed(double v) {
        return String.format(Locale.ROOT, "%+.4f", v);
    }

    static String sci(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.2e", v);
    }

    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String tex(String s) {
        return s.replace("\\", "\\textbackslash{}").replace("&", "\\&").replace("%", "\\%").replace("_", "\\_").replace("#", "\\#")
                .replace("±", "$\\pm$").replace("−", "$-$").replace("|", "$|$");
    }
}
