package org.distprop.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.distprop.reports.figures.AuxMemoryFigure;
import org.distprop.reports.figures.CurveFigures;
import org.distprop.reports.figures.Fig4Sweep;
import org.distprop.reports.figures.FigureReport;
import org.distprop.reports.figures.StepTimeFigure;
import org.distprop.reports.html.IndexPage;
import org.distprop.reports.html.ProvenanceSummary;
import org.distprop.reports.store.ResultsStore;
import org.distprop.reports.table.Claims;
import org.distprop.reports.table.CurveComparison;
import org.distprop.reports.table.Directional;
import org.distprop.reports.table.Table1;
import org.distprop.reports.table.TableFormats;

/** Renders every figure, Table 1 and index.html from the results store into one output directory. */
public final class Report {
    /** Which make target rebuilds each output (runs its experiment, then re-renders). */
    static final Map<String, String> TARGETS = Map.of("table1", "table1", "fig2", "fig2", "fig3", "fig3",
            "accuracy_vs_gradient_evaluations", "fig3", "fig4", "fig4", "fig4_asrun", "fig4-asrun", "aux_memory", "scaling", "step_time", "bench");

    /** {@code skipped}: "record: reason" for each record not used (unparsable manifest, damaged files). */
    public record Summary(String profile, List<FigureReport> figures, List<Table1.Row> table, List<Directional.Result> directional,
                          Path index, List<String> skipped) {
    }

    private Report() {
    }

    public static Summary render(Path results, Path out, String requestedProfile, Path claimsFile) {
        org.distprop.reports.figures.Methods.use(results);
        ResultsStore all = ResultsStore.open(results, null, out);
        String profile = requestedProfile;
        if (profile == null) {
            List<String> p = ResultsStore.profiles(all.all());
            profile = p.isEmpty() ? null : p.get(0);
        }
        ResultsStore store = profile == null ? all : ResultsStore.open(results, profile, out);
        String profileName = profile == null ? "unknown (no record names a profile)" : profile;
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out, e);
        }
        Claims claims = Claims.load(claimsFile);
        List<Table1.Row> rows = Table1.compute(store, claims);
        List<Directional.Result> dir = Directional.test(claims, rows);
        write(out.resolve("table1.md"), TableFormats.markdown(rows, dir, claims, profileName));
        String tableHtml = TableFormats.html(rows, dir, claims, profileName);
        List<CurveComparison.Row> curveRows = CurveComparison.compute(store);
        CurveComparison.writeCsv(out.resolve("curve_comparison.csv"), curveRows);
        String targetsHtml = CurveComparison.html(curveRows);
        write(out.resolve("table1.html"), "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Table 1</title></head><body>\n"
                + tableHtml + "</body></html>\n");
        write(out.resolve("table1.tex"), TableFormats.latex(rows, claims, profileName));

        List<FigureReport> figs = new ArrayList<>();
        figs.add(CurveFigures.fig2(store, out));
        figs.add(CurveFigures.fig3(store, out));
        figs.add(Fig4Sweep.render(results, profile, out));
        figs.add(Fig4Sweep.render(results, profile, out, "fig4-asrun", "fig4_asrun", "Fig. 4: DistProp (as run, the paper's) hyperparameter sweep"));
        figs.add(AuxMemoryFigure.render(store, out));
        figs.add(StepTimeFigure.render(results, out));
        figs.add(CurveFigures.gradientEvaluations(store, out));

        String p = profile == null ? "quick" : profile;
        Map<String, String> rebuild = new LinkedHashMap<>();
        TARGETS.forEach((id, target) -> rebuild.put(id, rebuildCommand(target, p, results)));
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("Table 1 cells with a paper value", count(rows.stream().filter(r -> !Double.isNaN(r.paper())).map(Table1.Row::verdict).toList()));
        counts.put("Fig. 2/3 points against the authors' curves", count(curveRows.stream().map(CurveComparison.Row::verdict).toList()));
        counts.put("Directional claims", count(dir.stream().map(Directional.Result::verdict).toList()));
        counts.put("Figures", figs.stream().filter(FigureReport::rendered).count() + " of " + figs.size() + " rendered"
                + figs.stream().filter(f -> !f.rendered()).map(f -> "; " + f.id() + " " + f.caption()).reduce("", String::concat));
        long notOk = store.all().stream().filter(r -> !r.ok()).count();
        counts.put("Runs not averaged in (diverged, failed, unfinished, damaged)", notOk + " of " + store.all().size() + " records; listed under each table and figure");
        counts.put("Records skipped (unparsable or damaged, not used)", store.skipped().isEmpty() ? "none"
                : store.skipped().size() + "; listed under Skipped records");
        String reRender = "./distprop report --results " + results + " --out " + out + (profile == null ? "" : " --profile " + profile);
        IndexPage.Content content = new IndexPage.Content(profileName, profileNote(profile),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), results.toString(), figs, rebuild, tableHtml + targetsHtml, counts,
                ProvenanceSummary.of(store.all()), reRender, store.skipped());
        Path index = out.resolve("index.html");
        write(index, IndexPage.render(content, out));
        return new Summary(profileName, figs, rows, dir, index, store.skipped());
    }

    /**
     * The command that reruns an output's experiment into {@code results} and re-renders: the make target
     * for the default store, else the CLI with this --results (the make experiment targets use results/).
     */
    static String rebuildCommand(String target, String profile, Path results) {
        if (ResultsStore.isDefaultRoot(results) || "bench".equals(target)) {
            return "make " + target + " PROFILE=" + profile + makeResults(results);
        }
        return "./distprop experiment " + target + " --profile " + profile + " --results " + results
                + " && ./distprop report --results " + results + " --profile " + profile;
    }

    /** " RESULTS=dir" for make targets that honour it, empty for the default results/. */
    private static String makeResults(Path results) {
        return ResultsStore.isDefaultRoot(results) ? "" : " RESULTS=" + results;
    }

    static String profileNote(String profile) {
        if ("paper".equals(profile)) {
            return "The paper's protocol (iterations, seeds, sweep trials).";
        }
        if ("early".equals(profile)) {
            return "The paper's protocol (full MNIST, batch 1,024, the paper's hyperparameters) for its first 10 epochs: Fig. 2/3 are compared"
                    + " with the authors' curves at every epoch reached; Table 1's final values are REDUCED SCALE (10 of 112 epochs).";
        }
        return "Reduced scale (fewer steps, seeds, subset sizes and sweep trials than the paper): cells not at the paper's protocol get"
                + " REDUCED SCALE instead of a verdict against the paper's full-scale numbers. `make early` runs the paper's protocol"
                + " for 10 epochs; `make reproduce` the whole paper profile.";
    }

    static String count(List<String> verdicts) {
        Map<String, Integer> c = new TreeMap<>();
        verdicts.forEach(v -> c.merge(v, 1, Integer::sum));
        return c.isEmpty() ? "none" : String.join(", ", c.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
    }

    static void write(Path f, String s) {
        try {
            Files.writeString(f, s, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
    }
}
