package org.distprop.reports.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.distprop.reports.figures.FigureReport;
import org.distprop.reports.table.TableFormats;

/** index.html: one offline file, every PNG embedded as a data URI, with the table, verdicts and provenance. */
public final class IndexPage {
    private IndexPage() {
    }

    public record Content(String profile, String profileNote, String generated, String resultsDir, List<FigureReport> figures,
                          Map<String, String> rebuild, String tableHtml, Map<String, String> verdictCounts,
                          Map<String, String> provenance, String reRender, List<String> skipped) {
    }

    public static String render(Content c, Path outDir) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>DistProp reproduction report (")
                .append(esc(c.profile())).append(")</title>\n<style>\n").append(CSS).append("</style></head><body>\n");
        sb.append("<h1>DistProp reproduction report</h1>\n<p class=\"profile\">Profile: <b>").append(esc(c.profile())).append("</b>. ")
                .append(esc(c.profileNote())).append("</p>\n<p>Results store: <code>").append(esc(c.resultsDir()))
                .append("</code>. Generated ").append(esc(c.generated())).append(". Re-render: <code>").append(esc(c.reRender())).append("</code></p>\n");
        sb.append("<h2>Verdicts</h2>\n<ul>\n");
        c.verdictCounts().forEach((k, v) -> sb.append("<li>").append(esc(k)).append(": ").append(esc(v)).append("</li>\n"));
        sb.append("</ul>\n<h2 id=\"skipped\">Skipped records (").append(c.skipped().size()).append(")</h2>\n");
        if (c.skipped().isEmpty()) {
            sb.append("<p>Every record passed its checks (manifest parses; ok records' trace.csv and eval.csv parse, have the"
                    + " store's columns and reach the manifest's final step).</p>\n");
        } else {
            sb.append("<p class=\"notrun\">Not used in any table or figure (their seeds are missing from n):</p>\n<ul>\n");
            c.skipped().forEach(s -> sb.append("<li>").append(esc(s)).append("</li>\n"));
            sb.append("</ul>\n");
        }
        sb.append("<nav>Contents: <a href=\"#table1\">Table 1</a> · <a href=\"#skipped\">Skipped records</a>");
        for (FigureReport f : c.figures()) {
            sb.append(" · <a href=\"#").append(f.id()).append("\">").append(esc(f.title())).append("</a>");
        }
        sb.append(" · <a href=\"#provenance\">Provenance</a></nav>\n");
        sb.append("<h2 id=\"table1\">Table 1</h2>\n").append(c.tableHtml())
                .append("<p class=\"cmd\">Rebuild: <code>").append(esc(c.rebuild().getOrDefault("table1", ""))).append("</code>")
                .append(" · files: <a href=\"table1.md\">table1.md</a>, <a href=\"table1.html\">table1.html</a>, <a href=\"table1.tex\">table1.tex</a></p>\n");
        for (FigureReport f : c.figures()) {
            sb.append("<h2 id=\"").append(f.id()).append("\">").append(esc(f.title())).append("</h2>\n");
            if (f.rendered()) {
                sb.append("<img alt=\"").append(esc(f.title())).append("\" src=\"data:image/png;base64,")
                        .append(base64(outDir.resolve(f.id() + ".png"))).append("\">\n");
                sb.append("<p>").append(esc(f.caption())).append("</p>\n<p class=\"files\">files: <a href=\"").append(f.id()).append(".png\">")
                        .append(f.id()).append(".png</a>, <a href=\"").append(f.id()).append(".svg\">").append(f.id()).append(".svg</a>, <a href=\"")
                        .append(f.id()).append(".csv\">").append(f.id()).append(".csv</a>");
                if (f.id().startsWith("fig4")) {
                    sb.append(", <a href=\"").append(f.id()).append("_ranges.csv\">").append(f.id()).append("_ranges.csv</a>");
                }
                sb.append("</p>\n");
            } else {
                sb.append("<p class=\"notrun\">").append(esc(f.caption())).append("</p>\n");
            }
            if (!f.excluded().isEmpty()) {
                sb.append("<details open><summary>Not averaged in / not drawn (").append(f.excluded().size()).append(")</summary><ul>\n");
                f.excluded().forEach(e -> sb.append("<li>").append(esc(e)).append("</li>\n"));
                sb.append("</ul></details>\n");
            }
            sb.append("<p class=\"cmd\">Rebuild: <code>").append(esc(c.rebuild().getOrDefault(f.id(), ""))).append("</code></p>\n");
        }
        sb.append("<h2 id=\"provenance\">Provenance</h2>\n<dl>\n");
        c.provenance().forEach((k, v) -> sb.append("<dt>").append(esc(k)).append("</dt><dd>").append(esc(v)).append("</dd>\n"));
        sb.append("</dl>\n</body></html>\n");
        return sb.toString();
    }

    static String base64(Path png) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String esc(String s) {
        return TableFormats.esc(s == null ? "" : s);
    }

    static final String CSS = """
            body{font-family:sans-serif;max-width:1600px;margin:1em auto;padding:0 1em;color:#222}
            img{max-width:100%;border:1px solid #ddd}
            table{border-collapse:collapse;margin:0.5em 0;font-size:14px}
            th,td{border:1px solid #ccc;padding:3px 7px;text-align:left}
            caption{font-weight:bold;text-align:left;padding:4px 0}
            tr.reproduced td:nth-child(8),tr.supported td:nth-child(7){background:#d9f2d9}
            tr.not-reproduced td:nth-child(8),tr.contradicted td:nth-child(7){background:#f8d7d7}
            tr.not-run td:nth-child(8),tr.not-run td:nth-child(7),tr.inconclusive td:nth-child(7){background:#eee}
            .profile{font-size:1.1em;background:#fff6d5;padding:6px}
            .notrun{color:#a00;font-weight:bold}
            .cmd code{background:#f3f3f3;padding:2px 4px}
            dt{font-weight:bold;margin-top:4px}
            """;
}
