package org.distprop.harness.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.distprop.harness.RunSpec;
import org.distprop.harness.Json;
import org.distprop.harness.RunRecord;
import org.distprop.store.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ok record of another experiment with the same relative path (same config hash and seed) is copied, not rerun. */
class SharedRecordsTest {
    @TempDir
    Path results;

    static Cell cell(String experiment, int index) {
        return new Cell(index, new RunSpec(experiment, "mnist", "sgd", Map.of(), 590, 1024, 59, 4096, 0, 0, 0),
                experiment + "/mnist/sgd/0123456789ab/seed-0");
    }

    void record(String experiment, Status status) throws Exception {
        Path d = results.resolve(experiment + "/mnist/sgd/0123456789ab/seed-0");
        Files.createDirectories(d);
        Files.writeString(d.resolve(RunRecord.MANIFEST), Json.write(Map.of("status", status.wire(), "experiment", experiment,
                "profile", "early", "plan", Map.of("index", 3, "spec", experiment))));
        Files.writeString(d.resolve(RunRecord.TRACE), "step,epoch,loss\n1,0,2.3\n");
        Files.writeString(d.resolve(RunRecord.EVAL), "step,epoch,test_loss,top1,top5\n59,0,0.3,0.9,0.99\n");
    }

    @Test
    void anOkRecordOfAnotherExperimentIsCopiedWithItsOwnIdentity() throws Exception {
        record("fig3", Status.OK);
        Cell c = cell("fig2", 1);
        Path from = SharedRecords.find(results, c);
        assertEquals(results.resolve("fig3/mnist/sgd/0123456789ab/seed-0"), from);
        SharedRecords.copy(from, results, c, "early");
        Path to = results.resolve(c.record());
        assertEquals(Status.OK, RunRecord.status(to));
        JsonNode m = Json.MAPPER.readTree(to.resolve(RunRecord.MANIFEST).toFile());
        assertEquals("fig2", m.path("experiment").asText());
        assertEquals(1, m.path("plan").path("index").asInt());
        assertEquals("fig3/mnist/sgd/0123456789ab/seed-0", m.path("reused_from").asText());
        assertEquals(Files.readString(from.resolve(RunRecord.TRACE)), Files.readString(to.resolve(RunRecord.TRACE)));
        assertEquals(Files.readString(from.resolve(RunRecord.EVAL)), Files.readString(to.resolve(RunRecord.EVAL)));
        assertFalse(Files.exists(to.resolveSibling("seed-0.sharing")), "no temporary left behind");
    }

    @Test
    void aRecordBeingWrittenUnderThisExperimentIsNotReplaced() throws Exception {
        record("fig3", Status.OK);
        record("fig2", Status.RUNNING); // another fig2 runner is training this cell
        Path to = results.resolve("fig2/mnist/sgd/0123456789ab/seed-0");
        String manifest = Files.readString(to.resolve(RunRecord.MANIFEST));
        try (org.distprop.store.RecordLock live = org.distprop.store.RecordLock.tryAcquire(to).orElseThrow()) {
            assertNull(SharedRecords.copyIfShared(results, cell("fig2", 1), "early"), "held by a live writer: not copied");
            assertEquals(manifest, Files.readString(to.resolve(RunRecord.MANIFEST)));
            assertTrue(Files.exists(live.file()), "the writer's lock is untouched");
        }
        assertEquals(results.resolve("fig3/mnist/sgd/0123456789ab/seed-0"), SharedRecords.copyIfShared(results, cell("fig2", 1), "early"),
                "once the writer is gone (here: released), the copy goes ahead");
        assertEquals(Status.OK, RunRecord.status(to));
        assertFalse(Files.exists(to.resolve(org.distprop.store.RecordFiles.LOCK)), "no lock left in the copied record");
    }

    @Test
    void runCellCopiesASharedRecordInsteadOfTraining() throws Exception {
        record("fig3", Status.OK); // e.g. fig3's Slurm array has finished; now a table1 task runs the same cell
        Cell c = cell("table1", 0);
        Plan written = new Plan("table1", "table1", "paper", null, 0, java.util.List.of(c), null);
        Path plan = written.file(results);
        written.write(plan);
        int code = org.distprop.harness.cli.Main.execute("run-cell", "--plan", plan.toString(), "--index", "0", "--quiet");
        assertEquals(0, code);
        Path to = results.resolve(c.record());
        assertEquals(Status.OK, RunRecord.status(to));
        JsonNode m = Json.MAPPER.readTree(to.resolve(RunRecord.MANIFEST).toFile());
        assertEquals("table1", m.path("experiment").asText());
        assertEquals("paper", m.path("profile").asText());
        assertEquals("fig3/mnist/sgd/0123456789ab/seed-0", m.path("reused_from").asText());
        assertEquals(Files.readString(results.resolve("fig3/mnist/sgd/0123456789ab/seed-0").resolve(RunRecord.TRACE)),
                Files.readString(to.resolve(RunRecord.TRACE)), "copied, not trained (a run of 590 steps would differ)");
    }

    @Test
    void onlyOkRecordsOfOtherExperimentsAreShared() throws Exception {
        record("fig3", Status.RUNNING);
        assertNull(SharedRecords.find(results, cell("fig2", 0)), "an unfinished record is not a result");
        record("fig2", Status.OK);
        assertNull(SharedRecords.find(results, cell("fig2", 0)), "a cell's own record is not shared");
        assertTrue(Files.isDirectory(results.resolve("fig2")));
        assertNull(SharedRecords.find(results.resolve("missing"), cell("fig2", 0)));
    }
}
