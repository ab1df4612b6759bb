package org.distprop.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.distprop.methods.Evaluation;
import org.distprop.methods.StepMetrics;
import org.distprop.store.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed run leaves on disk: the partial trace up to its last evaluation. */
class RunRecordTest {
    @Test
    void traceRowsUpToAnEvaluationAreOnDiskBeforeTheRunFinishes(@TempDir Path dir) throws Exception {
        RunRecord rec = RunRecord.start(dir, Map.of("method", "sgd"));
        for (int step = 1; step <= 3; step++) {
            rec.trace(step, 0, new StepMetrics(2.0 / step, Double.NaN, List.of(), 1.0));
        }
        rec.eval(3, 0, new Evaluation(1.5, 0.4, 0.9, 100));
        rec.trace(4, 0, new StepMetrics(0.4, Double.NaN, List.of(), 1.0)); // may still sit in the buffer
        // read the files as a process killed now would leave them (no close, no finish)
        List<String> trace = Files.readAllLines(dir.resolve("trace.csv.partial"));
        assertEquals("step,epoch,loss,lagrangian,ms_per_step", trace.get(0));
        assertEquals("3", trace.get(3).split(",")[0], String.join("\n", trace));
        assertEquals(2, Files.readAllLines(dir.resolve("eval.csv.partial")).size());
        assertEquals(Status.RUNNING, RunRecord.status(dir));
        rec.finish(Status.OK, null);
        assertEquals(5, Files.readAllLines(dir.resolve("trace.csv")).size());
        assertEquals(Status.OK, RunRecord.status(dir));
    }
}
