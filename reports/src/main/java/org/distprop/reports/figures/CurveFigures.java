package org.distprop.reports.figures;

import java.nio.file.Path;
import org.distprop.reports.paper.PaperCurves;
import org.distprop.reports.store.CsvTable;
import org.distprop.reports.store.ResultsStore;
import org.distprop.reports.store.RunInfo;

/** Fig. 2, Fig. 3 and accuracy vs gradient evaluations, as {@link BandFigure} specs. */
public final class CurveFigures {
    /** Split 0's batch mean |defect| (method-spec §4.1, family-A definition, used for Fig. 2). */
    public static final String DEFECT = "h0_mean_abs_defect";

    private CurveFigures() {
    }

    public static FigureReport fig2(ResultsStore store, Path out) {
        return BandFigure.render(store, out, new BandFigure.Spec("fig2", "Fig. 2: mean |defect|", "fig2", "mnist",
                "gradient steps (iterations)", "mean |defect| at the split (activation units, log)", true,
                r -> CsvTable.read(r.trace()).series("step", DEFECT),
                "Fig. 2: batch mean |h0 defect| per gradient step, constrained methods only (methods without a defect column are not drawn).",
                PaperCurves.Quantity.MEAN_ABS_DEFECT, false));
    }

    public static FigureReport fig3(ResultsStore store, Path out) {
        return BandFigure.render(store, out, new BandFigure.Spec("fig3", "Fig. 3: test accuracy", "fig3", null,
                "gradient steps (iterations)", "test accuracy (top-1, fraction)", false,
                r -> CsvTable.read(r.eval()).series("step", "top1"),
                "Fig. 3: top-1 test accuracy on the full test split at each evaluation step, all methods, one panel per dataset.",
                PaperCurves.Quantity.TEST_ERROR, true));
    }

    /**
     * Beyond the paper: the same accuracy curves against gradient evaluations (steps x the method's
     * gradient evaluations per step from the manifest), the fair x-axis for extragradient methods
     * (ExtraProp evaluates gradients twice per step) and OAM's inner loops.
     */
    public static FigureReport gradientEvaluations(ResultsStore store, Path out) {
        return BandFigure.render(store, out, new BandFigure.Spec("accuracy_vs_gradient_evaluations", "Test accuracy vs gradient evaluations",
                "fig3", null, "gradient evaluations (steps x evaluations per step)", "test accuracy (top-1, fraction)", false,
                CurveFigures::perGradientEvaluation,
                "Beyond the paper: Fig. 3's runs with x = step x gradient_evaluations_per_step (manifest); runs without that key are not drawn."));
    }

    private static CsvTable.Series perGradientEvaluation(RunInfo r) {
        double g = r.gradientEvaluationsPerStep();
        if (Double.isNaN(g) || g <= 0) {
            return null;
        }
        CsvTable.Series s = CsvTable.read(r.eval()).series("step", "top1");
        double[] x = s.x().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] *= g;
        }
        return new CsvTable.Series(x, s.y());
    }
}
