package org.distprop.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.distprop.harness.sweep.SweepHistory;
import org.distprop.harness.sweep.Trial;
import org.distprop.methods.MethodRegistry;
import org.distprop.reports.figures.Methods;
import org.distprop.reports.store.ResultsStore;
import org.distprop.reports.store.RunInfo;
import org.distprop.store.Manifest;
import org.distprop.store.MethodCatalog;
import org.distprop.store.RecordPath;
import org.distprop.store.Status;
import org.distprop.store.SweepLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both sides of the results-store schema (store module, docs/results-store.md): what the harness writes (a real run,
 * a sweep history, the method catalogue) is read back by the reports' reader with the values the writer had.
 */
class StoreSchemaRoundTripTest {
    @TempDir
    Path results;

    @Test
    void harnessOutputReadsBackThroughTheReportsReader() throws Exception {
        RunSpec where = new RunSpec("roundtrip", "mnist", "sgd", Map.of(), 4, 8, 2, 100, 5, 2, 1);
        Path out = Runner.defaultOut(results, where);
        assertEquals(results.resolve("roundtrip/mnist/sgd/" + Json.hash(where.identity()) + "/seed-5"), out, "the documented layout");
        RunConfig c = new RunConfig(where, 1, null, out, false);
        RunResult run = Runner.run(c, List.of("test"), true);
        assertEquals(Status.OK, run.status());
        StoreCatalog.write(results);

        List<RunInfo> recs = ResultsStore.open(results, null, null).all();
        assertEquals(1, recs.size());
        RunInfo r = recs.get(0);
        assertEquals("ok", r.status(), "wire format of the status");
        assertTrue(r.ok());
        assertEquals(List.of("roundtrip", "mnist", "sgd", 5L, 4L, 8L, 2L, 1L),
                List.of(r.experiment(), r.dataset(), r.method(), r.seed(), r.steps(), r.batchSize(), r.trainPerClass(), r.testPerClass()));
        assertEquals(20.0, r.trainSize(), "2 per class of MNIST's 10");
        assertEquals(run.finalEval().top1(), r.finalValue(Manifest.finalTest("top1")), 0.0);
        assertEquals(run.finalEval().loss(), r.finalValue(Manifest.FINAL_TEST_LOSS), 0.0);
        assertTrue(Files.isRegularFile(r.trace()) && Files.isRegularFile(r.eval()));

        RecordPath.Parts p = RecordPath.parse(r.dir()); // the fallback for damaged manifests agrees with the manifest
        assertEquals(List.of(r.experiment(), r.dataset(), r.method(), r.configHash(), r.seed()),
                List.of(p.experiment(), p.dataset(), p.method(), p.configHash(), p.seed()));

        JsonNode env = r.manifest().path(Manifest.PROVENANCE).path("env");
        TfEnvironment.defaults().keySet().forEach(k -> assertTrue(env.has(k), "provenance.env records " + k));
        assertEquals(Provenance.environment(), Json.MAPPER.convertValue(env, Map.class), "the map bench writes to tf-env.json");

        Methods.use(results);
        assertEquals(MethodRegistry.get("sgd").presentation().label(), Methods.label("sgd"));
        assertEquals(MethodRegistry.names().size(), MethodCatalog.read(results).size(), "every registered method is catalogued");

        SweepHistory h = new SweepHistory(SweepLog.of(results.resolve("roundtrip")));
        h.append(new Trial(0, Map.of("lr", "0.01", "noise", "fresh"), 0.5, Status.OK.wire(), results.relativize(out).toString()));
        h.append(new Trial(1, Map.of("lr", "0.1", "noise", "fixed"), null, Status.DIVERGED.wire(), null));
        var read = org.distprop.reports.figures.SweepHistory.find(results, "roundtrip", null);
        assertEquals(2, read.trials().size());
        var t0 = read.trials().get(0);
        assertTrue(t0.ok());
        assertEquals(0.5, t0.objective(), 0.0);
        assertEquals(0.01, t0.params().get("lr").asDouble(), 0.0);
        assertEquals("fresh", t0.params().get("noise").asText());
        var t1 = read.trials().get(1);
        assertFalse(t1.ok());
        assertEquals("diverged", t1.status(), "wire format of the status");
        assertTrue(Double.isNaN(t1.objective()));
        assertEquals(h.read(), List.of(new Trial(0, Map.of("lr", "0.01", "noise", "fresh"), 0.5, Status.OK.wire(), results.relativize(out).toString()),
                new Trial(1, Map.of("lr", "0.1", "noise", "fixed"), null, Status.DIVERGED.wire(), null)));
    }
}
