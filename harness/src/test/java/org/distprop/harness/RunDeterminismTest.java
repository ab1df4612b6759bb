package org.distprop.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.distprop.store.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real SGD and DistProp runs on an MNIST subset: record layout, determinism per seed (bit for bit), no partial files left. */
class RunDeterminismTest {
    @TempDir
    Path tmp;

    RunResult run(long seed, String name) {
        RunConfig c = new RunConfig(new RunSpec("test", "mnist", "sgd", Map.of(), 30, 16, 15, 500, seed, 20, 10), 2, null,
                tmp.resolve(name), false);
        return Runner.run(c, List.of("test"), true);
    }

    /** The trace with its timing columns removed. */
    static String withoutTiming(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            String[] f = line.split(",");
            for (int i = 0; i < f.length; i++) {
                if (!RunRecord.TIMING_COLUMNS.contains(header.get(i))) {
                    sb.append(f[i]).append(',');
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Test
    void sameSeedSameTraceOtherSeedOtherTrace() throws IOException {
        RunResult a = run(7, "a");
        RunResult b = run(7, "b");
        RunResult c = run(8, "c");
        for (RunResult r : List.of(a, b, c)) {
            assertEquals(Status.OK, r.status(), r.message());
            assertEquals(Status.OK, RunRecord.status(r.dir()));
            assertTrue(Files.isRegularFile(r.dir().resolve(RunRecord.TRACE)));
            assertTrue(Files.isRegularFile(r.dir().resolve(RunRecord.EVAL)));
            try (var s = Files.list(r.dir())) {
                assertFalse(s.anyMatch(p -> p.toString().endsWith(".partial") || p.toString().endsWith(".tmp")));
            }
        }
        assertEquals(31, Files.readAllLines(a.dir().resolve(RunRecord.TRACE)).size());
        assertEquals(3, Files.readAllLines(a.dir().resolve(RunRecord.EVAL)).size()); // header + steps 15, 30
        assertEquals(withoutTiming(a.dir().resolve(RunRecord.TRACE)), withoutTiming(b.dir().resolve(RunRecord.TRACE)));
        assertEquals(Files.readString(a.dir().resolve(RunRecord.EVAL)), Files.readString(b.dir().resolve(RunRecord.EVAL)));
        assertNotEquals(withoutTiming(a.dir().resolve(RunRecord.TRACE)), withoutTiming(c.dir().resolve(RunRecord.TRACE)));
        assertEquals(100, a.finalEval().count()); // 10 test examples per class
    }

    /** The Lagrangian path too: per-example multiplier rows, extragradient, and per-step reparameterisation noise. */
    @Test
    void distPropSameSeedSameTraceBitForBit() throws IOException {
        RunResult[] r = new RunResult[2];
        for (int i = 0; i < 2; i++) {
            RunConfig c = new RunConfig(new RunSpec("test", "mnist", "distprop", Map.of("num_samples", "4"), 20, 16, 10, 500, 3, 20, 10), 2, null,
                    tmp.resolve("dp" + i), false);
            r[i] = Runner.run(c, List.of("test"), true);
            assertEquals(Status.OK, r[i].status(), r[i].message());
        }
        String trace = withoutTiming(r[0].dir().resolve(RunRecord.TRACE));
        assertTrue(trace.contains("h0_mean_abs_defect"), "a defect column is traced");
        assertEquals(trace, withoutTiming(r[1].dir().resolve(RunRecord.TRACE)));
        assertEquals(Files.readString(r[0].dir().resolve(RunRecord.EVAL)), Files.readString(r[1].dir().resolve(RunRecord.EVAL)));
    }

    @Test
    void completeRecordIsNotOverwrittenWithoutForce() {
        RunResult a = run(1, "x");
        assertEquals(Status.OK, a.status());
        UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class, () -> run(1, "x"));
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
    }

    @Test
    void divergenceIsRecordedNotThrown() {
        RunConfig c = new RunConfig(new RunSpec("test", "mnist", "sgd", Map.of("lr", "1e30", "optimizer", "sgd"), 20, 16, 0, 500, 1, 20, 10), 2,
                null, tmp.resolve("div"), false);
        RunResult r = Runner.run(c, List.of("test"), true);
        assertEquals(Status.DIVERGED, r.status());
        assertEquals(Status.DIVERGED, RunRecord.status(r.dir()));
        assertTrue(r.message().contains("diverged at step"), r.message());
    }
}
