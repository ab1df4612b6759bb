package org.distprop.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.distprop.reports.figures.FigureReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `distprop report`: re-renders figures, Table 1 and index.html from the results store (no training). */
@Command(name = "distprop report", mixinStandardHelpOptions = true,
        description = "Render Fig. 2/3/4, the beyond-the-paper figures, Table 1 (md/html/tex) and index.html from a results store.")
public final class ReportMain implements Callable<Integer> {
    @Option(names = "--results", description = "results store to read (default: ${DEFAULT-VALUE})", defaultValue = "results")
    Path results;

    @Option(names = "--out", description = "output directory (default: <results>/report)")
    Path out;

    @Option(names = "--profile", description = "only records of this scale profile (ci, quick, paper); default: the profile most records name")
    String profile;

    @Option(names = "--bench-table", description = "only print ms/step, harness overhead and ratio to SGD per method from <results>/bench"
            + " (JMH JSON), write <results>/bench/step_ratios.csv, and exit")
    boolean benchTable;

    @Option(names = "--debug", description = "show stack traces of errors")
    boolean debug;

    @Option(names = "--claims", description = "claims file (default: the checked-in paper-claims.json)")
    Path claims;

    @Option(names = "--strict", description = "exit " + EXIT_SKIPPED + " (after rendering) when any record was skipped as unparsable or damaged")
    boolean strict;

    /** Exit code of --strict when records were skipped. */
    static final int EXIT_SKIPPED = 3;

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new ReportMain());
        cl.setExecutionExceptionHandler((e, c, p) -> {
            if (((ReportMain) c.getCommand()).debug) {
                e.printStackTrace();
            }
            System.err.println("distprop: error: " + e.getMessage());
            return 2;
        });
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() {
        if (!Files.isDirectory(results)) {
            System.err.println("distprop: error: no results store at " + results + "; run experiments first (make quick) or pass --results DIR");
            return 2;
        }
        if (benchTable) {
            org.distprop.reports.figures.Methods.use(results);
            System.out.print(org.distprop.reports.table.BenchTable.render(results.resolve(org.distprop.store.BenchFiles.DIR)));
            return 0;
        }
        Path dir = out == null ? results.resolve("report") : out;
        Report.Summary s = Report.render(results, dir, profile, claims);
        System.out.println("profile: " + s.profile());
        for (FigureReport f : s.figures()) {
            System.out.println((f.rendered() ? "  rendered  " : "  NOT RUN   ") + f.id() + (f.rendered() ? " (png, svg, csv)" : ": " + f.caption())
                    + (f.excluded().isEmpty() ? "" : " [" + f.excluded().size() + " runs not averaged]"));
        }
        System.out.println("  table1    " + Report.count(s.table().stream().map(r -> r.verdict()).toList()) + " (md, html, tex)");
        if (!s.skipped().isEmpty()) {
            System.out.println("skipped " + s.skipped().size() + " record(s), not used (their seeds are missing from n):");
            s.skipped().forEach(k -> System.out.println("  " + k));
        }
        System.out.println("report: " + s.index());
        if (strict && !s.skipped().isEmpty()) {
            System.err.println("distprop: error: --strict: " + s.skipped().size() + " record(s) skipped as unparsable or damaged (listed above)");
            return EXIT_SKIPPED;
        }
        return 0;
    }
}
