package org.distprop.harness.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.distprop.harness.RunSpec;
import org.distprop.store.RecordFiles;
import org.distprop.store.RecordLock;
import org.distprop.store.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runner sharing its results store with another: cells the other holds or has finished are skipped, no worker started. */
class WorkerPoolSkipTest {
    @TempDir
    Path results;

    @Test
    void cellHeldByALiveRunnerIsSkippedWithoutAWorker() throws Exception {
        Cell c = Cell.of(0, new RunSpec("t", "mnist", "sgd", Map.of(), 5, 8, 0, 100, 1, 2, 2));
        Path record = results.resolve(c.record());
        try (WorkerPool pool = new WorkerPool(1, 1, null, results.resolve("logs"));
             RecordLock other = RecordLock.tryAcquire(record).orElseThrow()) {
            WorkerPool.Outcome o = pool.runOne(results.resolve("no-plan.json"), results, c);
            assertNotNull(o.skipped());
            assertTrue(o.skipped().contains("being run by pid " + ProcessHandle.current().pid()), o.skipped());
            assertFalse(Files.exists(results.resolve("logs")), "no worker was started");
        }
    }

    @Test
    void cellFinishedMeanwhileIsSkipped() throws Exception {
        Cell c = Cell.of(0, new RunSpec("t", "mnist", "sgd", Map.of(), 5, 8, 0, 100, 1, 2, 2));
        Path record = Files.createDirectories(results.resolve(c.record()));
        Files.writeString(record.resolve(RecordFiles.MANIFEST), "{\"status\": \"" + Status.OK.wire() + "\"}");
        try (WorkerPool pool = new WorkerPool(1, 1, null, results.resolve("logs"))) {
            WorkerPool.Outcome o = pool.runOne(results.resolve("no-plan.json"), results, c);
            assertEquals(Status.OK, o.status());
            assertTrue(o.skipped().contains("finished meanwhile"), o.skipped());
        }
    }
}
