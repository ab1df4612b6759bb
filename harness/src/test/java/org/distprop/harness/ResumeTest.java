package org.distprop.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An interrupted run resumed from its checkpoint is bit-identical to an uninterrupted one (trace minus
 * timing columns, eval.csv byte for byte), for a clean stop (SIGTERM's path) and for a crash after the
 * checkpoint that left later rows and a torn line on disk (kill -9's path). Real runs on an MNIST subset.
 */
class ResumeTest {
    static final long STEPS = 8;

    @TempDir
    Path tmp;

    /** Thrown out of the run loop to emulate a process killed after step {@code n}: nothing gets finished. */
    static final class SimulatedKill extends Error {
        SimulatedKill() {
            super("simulated kill -9");
        }
    }

    static Map<String, String> hp(String method) {
        return method.equals("distprop") ? Map.of("num_samples", "4") : Map.of();
    }

    RunResult run(String method, String name, Checkpointing ck) {
        RunConfig c = new RunConfig(new RunSpec("test", "mnist", method, hp(method), STEPS, 16, 3, 500, 5, 20, 10), 2, null, tmp.resolve(name), false);
        return Runner.run(c, List.of("test"), true, Map.of(), ck);
    }

    /** True from the {@code n}-th poll (= after step n) on. */
    static BooleanSupplier stopAfter(int n) {
        AtomicInteger polls = new AtomicInteger();
        return () -> polls.incrementAndGet() >= n;
    }

    static BooleanSupplier killAfter(int n) {
        AtomicInteger polls = new AtomicInteger();
        return () -> {
            if (polls.incrementAndGet() >= n) {
                throw new SimulatedKill();
            }
            return false;
        };
    }

    static final BooleanSupplier NEVER = () -> false;

    void assertSameAsUninterrupted(String method, Path resumed, long fromStep) throws IOException {
        RunResult u = run(method, "uninterrupted", new Checkpointing(0, 0, false, NEVER));
        assertEquals(org.distprop.store.Status.OK, u.status(), u.message());
        assertEquals(org.distprop.store.Status.OK, RunRecord.status(resumed));
        JsonNode m = Json.MAPPER.readTree(resumed.resolve(RunRecord.MANIFEST).toFile());
        assertEquals(fromStep, m.path("resumed_from_step").asLong(), "resumed from the checkpoint's step");
        assertEquals(Files.readString(u.dir().resolve(RunRecord.EVAL)), Files.readString(resumed.resolve(RunRecord.EVAL)));
        String trace = RunDeterminismTest.withoutTiming(resumed.resolve(RunRecord.TRACE));
        assertEquals(RunDeterminismTest.withoutTiming(u.dir().resolve(RunRecord.TRACE)), trace);
        assertEquals(STEPS + 1, trace.lines().count(), "one row per step, no gaps, no duplicates");
        JsonNode mu = Json.MAPPER.readTree(u.dir().resolve(RunRecord.MANIFEST).toFile());
        assertEquals(mu.path("final").toString(), m.path("final").toString());
        try (var s = Files.list(resumed)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(Checkpoint.PREFIX)
                    || p.toString().endsWith(".partial")), "an ok record keeps no checkpoint or partial file");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "extraprop", "distprop", "dfa"})
    void cleanStopThenResumeIsBitIdentical(String method) throws IOException {
        RunResult first = run(method, "stopped", new Checkpointing(0, 0, false, stopAfter(5)));
        assertEquals(org.distprop.store.Status.INTERRUPTED, first.status(), first.message());
        assertEquals(org.distprop.store.Status.INTERRUPTED, RunRecord.status(first.dir()));
        Checkpoint ck = Checkpoint.latest(first.dir());
        assertNotNull(ck, "a stop writes a checkpoint");
        assertEquals(5, ck.step());
        RunResult second = run(method, "stopped", new Checkpointing(0, 0, false, NEVER));
        assertEquals(org.distprop.store.Status.OK, second.status(), second.message());
        assertSameAsUninterrupted(method, first.dir(), 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "distprop"})
    void killAfterACheckpointDropsLaterRowsAndResumes(String method) throws IOException {
        assertThrows(SimulatedKill.class, () -> run(method, "killed", new Checkpointing(3, 0, false, killAfter(5))));
        Path dir = tmp.resolve("killed");
        assertEquals(org.distprop.store.Status.RUNNING, RunRecord.status(dir));
        assertEquals(3, Checkpoint.latest(dir).step());
        Path trace = dir.resolve(RunRecord.TRACE + ".partial");
        assertTrue(Files.readString(trace).contains("\n5,"), "rows past the checkpoint reached the disk");
        Files.writeString(trace, "6,0,2.3", StandardOpenOption.APPEND); // a torn last line
        RunResult second = run(method, "killed", new Checkpointing(3, 0, false, NEVER));
        assertEquals(org.distprop.store.Status.OK, second.status(), second.message());
        assertSameAsUninterrupted(method, dir, 3);
    }

    /** The newest complete checkpoint wins; an unfinished .tmp write and an unreadable state are skipped. */
    @org.junit.jupiter.api.Test
    void latestSkipsUnfinishedAndUnreadableCheckpoints() throws IOException {
        Path rec = tmp.resolve("rec");
        for (long step : List.of(3L, 6L)) {
            Path d = Files.createDirectories(rec.resolve(Checkpoint.PREFIX + String.format("%012d", step)));
            Files.writeString(d.resolve(Checkpoint.STATE), "{\"step\": " + step + ", \"config_hash\": \"abc\", \"seed\": 1}");
        }
        Path unfinished = Files.createDirectories(rec.resolve(Checkpoint.PREFIX + String.format("%012d", 9) + Checkpoint.TMP));
        Files.writeString(unfinished.resolve(Checkpoint.STATE), "{\"step\": 9, \"config_hash\": \"abc\", \"seed\": 1}");
        assertEquals(6, Checkpoint.latest(rec).step());
        Files.writeString(rec.resolve(Checkpoint.PREFIX + String.format("%012d", 6)).resolve(Checkpoint.STATE), "{\"step\": 6, \"conf");
        assertEquals(3, Checkpoint.latest(rec).step(), "a torn state.json makes the older checkpoint the usable one");
        Checkpoint.deleteAll(rec);
        assertEquals(null, Checkpoint.latest(rec));
    }

    @org.junit.jupiter.api.Test
    void badCheckpointOptionsAreUserErrorsBeforeAnyWork() {
        Path out = tmp.resolve("never");
        CliErrorsTest.assertOneLineError(CliErrorsTest.run("run", "--method", "sgd", "--dataset", "mnist", "--steps", "1",
                "--checkpoint-every", "-1", "--out", out.toString()), "--checkpoint-every must be >= 0", "-1");
        CliErrorsTest.assertOneLineError(CliErrorsTest.run("run", "--method", "sgd", "--dataset", "mnist", "--steps", "1",
                "--checkpoint-minutes", "-2", "--out", out.toString()), "--checkpoint-minutes must be >= 0");
        assertFalse(Files.exists(out), "nothing written");
    }
}
