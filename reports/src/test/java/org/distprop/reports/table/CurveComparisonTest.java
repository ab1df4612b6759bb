package org.distprop.reports.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.distprop.reports.paper.PaperCurves;
import org.distprop.reports.store.ResultsStore;
import org.distprop.reports.store.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-epoch comparison with the authors' curves, against hand computations of its rule. */
class CurveComparisonTest {
    // their curve: 9 runs, at the end of epoch 1 (iteration 58) mean 0.10 with band [0.08, 0.12] -> population std 0.02
    static final PaperCurves.Curve THEIRS = new PaperCurves.Curve("distprop", 9, List.of(new PaperCurves.Point(58, 0.10, 0.08, 0.12)));

    @Test
    void oneSeedOfOursAssumesTheirSeedSpread() {
        // se = sqrt(0.02^2 / 1 + 0.02^2 / 9) = 0.0210819; z = 0.03 / se = 1.42302
        CurveComparison.Row r = CurveComparison.compare("fig3", "distprop-asrun", "test error", 1, 59, new double[] {0.13}, THEIRS);
        assertEquals(1.42302, r.z(), 1e-5);
        assertEquals(CurveComparison.WITHIN, r.verdict());
        // z = 0.05 / 0.0210819 = 2.37170
        CurveComparison.Row far = CurveComparison.compare("fig3", "distprop-asrun", "test error", 1, 59, new double[] {0.15}, THEIRS);
        assertEquals(2.37170, far.z(), 1e-5);
        assertEquals(CurveComparison.OUTSIDE, far.verdict());
        assertEquals("ours/theirs 1.50", far.note());
    }

    @Test
    void severalSeedsUseOurSampleStd() {
        // mean 0.14, sample std 0.0141421; se = sqrt(0.0002 / 2 + 0.0004 / 9) = 0.0120185; z = 0.04 / se = 3.32820
        CurveComparison.Row r = CurveComparison.compare("fig3", "distprop", "test error", 1, 59, new double[] {0.13, 0.15}, THEIRS);
        assertEquals(0.14, r.mean(), 1e-12);
        assertEquals(3.32820, r.z(), 1e-5);
        assertEquals(CurveComparison.OUTSIDE, r.verdict());
        // an epoch they drew no point at is listed, not compared
        assertEquals(CurveComparison.NO_POINT, CurveComparison.compare("fig3", "distprop", "test error", 2, 118, new double[] {0.1}, THEIRS).verdict());
    }

    @Test
    void zeroSpreadOnBothSidesComparesExactly() {
        PaperCurves.Curve zero = new PaperCurves.Curve("extraprop", 8, List.of(new PaperCurves.Point(58, 0.0, 0.0, 0.0)));
        assertEquals(CurveComparison.WITHIN, CurveComparison.compare("fig2", "extraprop-asrun", "d", 1, 59, new double[] {0.0}, zero).verdict());
        assertEquals(CurveComparison.OUTSIDE, CurveComparison.compare("fig2", "extraprop-asrun", "d", 1, 59, new double[] {1e-6}, zero).verdict());
    }

    @Test
    void epochsComeFromStepsPerEpochNotRawSteps(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("eval.csv"), "step,epoch,test_loss,top1,top5\n50,0,1,0.5,0.9\n59,0,1,0.75,0.9\n118,1,1,0.875,0.9\n");
        Files.writeString(dir.resolve("trace.csv"), "step,epoch,loss,lagrangian,h0_mean_abs_defect\n1,0,1,1,1\n2,0,1,1,2\n3,0,1,1,3\n"
                + "4,1,1,1,4\n5,1,1,1,5\n6,1,1,1,6\n7,2,1,1,7\n");
        RunInfo r = new RunInfo(dir, "x", ResultsStore.JSON.createObjectNode());
        assertEquals(Map.of(1, 0.25, 2, 0.125), CurveComparison.testErrorByEpoch(r, 59));
        // epoch means of the trace over complete epochs of 3 steps; step 7 starts an unfinished epoch
        assertEquals(Map.of(1, 2.0, 2, 5.0), CurveComparison.defectByEpoch(r, 3));
    }
}
