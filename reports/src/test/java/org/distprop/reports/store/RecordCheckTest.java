package org.distprop.reports.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole and damaged records, written by hand in the harness's format (RunRecord). */
class RecordCheckTest {
    static final String TRACE_HEAD = "step,epoch,loss,lagrangian,h0_mean_abs_defect,h0_max_abs_defect,h0_frac_within_margin,h0_multiplier_norm,ms_per_step\n";
    static final String EVAL = "step,epoch,test_loss,top1,top5\n2,0,1.5,0.4,0.9\n3,1,1.2,0.5,0.95\n";

    @TempDir
    Path dir;

    String check(String trace, String eval) throws Exception {
        Files.writeString(dir.resolve("trace.csv"), trace);
        Files.writeString(dir.resolve("eval.csv"), eval);
        return RecordCheck.damage(dir, 3);
    }

    static String row(int step) {
        return step + ",0,2.0,nan,0.1,0.5,0.9,0.0," + (100 + step) + ".5\n";
    }

    @Test
    void wholeRecordPasses() throws Exception {
        assertNull(check(TRACE_HEAD + row(1) + row(2) + row(3), EVAL));
    }

    @Test
    void aStrayLineFromASecondWriterIsDamage() throws Exception {
        String torn = TRACE_HEAD + row(1) + "0.1,0.5,0.9,0.0,101.5\n" + row(2) + row(3);
        assertEquals("trace.csv line 3 has 5 of 9 fields (truncated or torn)", check(torn, EVAL));
        String twice = TRACE_HEAD + row(1) + row(2) + row(2) + row(3);
        assertEquals("trace.csv line 4: step 2 after step 2 (rows out of order or written twice)", check(twice, EVAL));
        String garbled = TRACE_HEAD + row(1) + row(2).replace("2.0", "2.0x") + row(3);
        assertTrue(check(garbled, EVAL).startsWith("trace.csv line 3: loss = '2.0x' is not a number"));
    }

    @Test
    void shortOrWrongFilesAreDamage() throws Exception {
        assertEquals("trace.csv ends at step 2; the manifest says 3 steps (truncated)", check(TRACE_HEAD + row(1) + row(2), EVAL));
        assertTrue(check("step,epoch,loss\n1,0,2\n2,0,2\n3,0,2\n", EVAL).startsWith("trace.csv has columns [step, epoch, loss], expected at least"));
        assertTrue(check(TRACE_HEAD + row(1) + row(2) + row(3), "step,epoch,top1\n3,0,0.5\n").startsWith("eval.csv has columns"));
        assertEquals("eval.csv has no rows; the manifest says 3 steps", check(TRACE_HEAD + row(1) + row(2) + row(3), "step,epoch,test_loss,top1,top5\n"));
        Files.delete(dir.resolve("eval.csv"));
        assertEquals("eval.csv is missing", RecordCheck.damage(dir, 3));
        assertEquals("manifest has no positive \"steps\"", RecordCheck.damage(dir, -1));
    }
}
