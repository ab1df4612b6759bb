package org.distprop.reports.paper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The authors' curves as checked in: their counter maps to epochs, both our configurations share one curve. */
class PaperCurvesTest {
    @Test
    void pointsAreReadWithTheirBandAndEpoch() {
        PaperCurves pc = PaperCurves.load();
        PaperCurves.Curve dp = pc.forMethod(PaperCurves.Quantity.TEST_ERROR, "distprop-asrun");
        assertSame(dp, pc.forMethod(PaperCurves.Quantity.TEST_ERROR, "distprop"));
        assertEquals(9, dp.runs());
        // first row of test_error.csv: Test Error,distprop,58,0.113288888888889,0.104493632030225,0.122084145747553
        PaperCurves.Point p = dp.atEpochEnd(1);
        assertEquals(0.113288888888889, p.mean(), 1e-15);
        assertEquals((0.122084145747553 - 0.104493632030225) / 2, p.std(), 1e-15);
        assertEquals(1.0, p.epoch());
        assertEquals(0.0287111111111111, dp.atEpochEnd(9).mean(), 1e-15); // iteration 522
        assertEquals(8, pc.forMethod(PaperCurves.Quantity.MEAN_ABS_DEFECT, "extraprop-asrun").runs());
        assertNull(pc.forMethod(PaperCurves.Quantity.TEST_ERROR, "dtp"), "other step counters: not mapped");
        assertNull(pc.forMethod(PaperCurves.Quantity.MEAN_ABS_DEFECT, "sgd"));
    }

    @Test
    void configurationNames() {
        assertEquals("extraprop", PaperCurves.baseMethod("extraprop-asrun"));
        assertTrue(PaperCurves.isAsRun("distprop-asrun"));
        assertTrue(PaperCurves.isAsRun("gda"), "one configuration only: it is the authors'");
        assertTrue(!PaperCurves.isAsRun("distprop"));
    }

    /** The checked-in copy is the shared one (the authors' data has one source), when ../shared is beside the repo. */
    @Test
    void theCopyMatchesSharedDocs() throws Exception {
        Path shared = Path.of("..", "..", "shared", "docs", "paper", "curves");
        if (!Files.isDirectory(shared)) {
            shared = Path.of("..", "shared", "docs", "paper", "curves");
        }
        for (String f : new String[] {"test_error.csv", "mean_defect_magnitude.csv", "test_loss.csv", "train_loss.csv"}) {
            try (InputStream in = PaperCurves.class.getResourceAsStream(PaperCurves.DIR + f)) {
                byte[] ours = in.readAllBytes();
                if (Files.isDirectory(shared)) {
                    assertArrayEquals(Files.readAllBytes(shared.resolve(f)), ours, f + " differs from shared/docs/paper/curves");
                }
                assertTrue(ours.length > 1000, f);
            }
        }
    }
}
