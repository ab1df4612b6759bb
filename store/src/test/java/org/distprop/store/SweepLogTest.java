package org.distprop.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepLogTest {
    @TempDir
    Path dir;

    @Test
    void wireFormatTornTailAndDamage() throws Exception {
        Path f = SweepLog.of(dir.resolve("fig4"));
        assertEquals(dir.resolve("fig4/sweep/history.jsonl"), f);
        SweepLog.append(f, new SweepLog.Line(0, Map.of("lr", "0.01"), 0.9, Status.OK.wire(), "fig4/mnist/distprop/h/seed-0"));
        assertEquals("{\"trial\":0,\"params\":{\"lr\":\"0.01\"},\"objective\":0.9,\"status\":\"ok\",\"record\":\"fig4/mnist/distprop/h/seed-0\"}\n",
                Files.readString(f), "the line format readers (pandas, duckdb) see");
        Files.writeString(f, "{\"trial\":1,\"par", java.nio.file.StandardOpenOption.APPEND); // killed mid-write
        assertEquals(1, SweepLog.read(f).size(), "a torn last line is dropped");
        SweepLog.append(f, new SweepLog.Line(1, Map.of(), null, Status.FAILED.wire(), null));
        List<SweepLog.Line> lines = SweepLog.read(f);
        assertEquals(2, lines.size());
        assertEquals(null, lines.get(1).objective());
        Files.writeString(f, "{\"trial\":5}\n", java.nio.file.StandardOpenOption.APPEND);
        SweepLog.append(f, new SweepLog.Line(3, Map.of(), null, Status.FAILED.wire(), null));
        SweepLog.Damaged d = assertThrows(SweepLog.Damaged.class, () -> SweepLog.read(f));
        assertTrue(d.getMessage().contains(":3: trial 5 out of order (expected 2)"), d.getMessage());
    }

    @Test
    void recordPathLayoutAndItsInverse() {
        Path r = RecordPath.of(Path.of("results"), "fig3", "idx:/data/x", "sgd", "abc123", 7);
        assertEquals(Path.of("results/fig3/idx__data_x/sgd/abc123/seed-7"), r);
        RecordPath.Parts p = RecordPath.parse(r);
        assertEquals(new RecordPath.Parts("fig3", "idx__data_x", "sgd", "abc123", 7), p);
        assertEquals(-1, RecordPath.parse(Path.of("a/b/c/d/seed-x")).seed());
        assertEquals("?", RecordPath.parse(Path.of("d/seed-1")).experiment());
    }
}
