package org.distprop.harness.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.distprop.store.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search methods, parameter encodings and the append-only history, on synthetic objectives. */
class SweepTest {
    static final Param.Range LOG = new Param.Range("lr", -8, -3.3, Param.Range.Scale.LOG);
    static final Param.Choice CAT = new Param.Choice("num_samples", List.of("32", "256", "2048"));

    @Test
    void encodingsFollowWandbSemantics() {
        assertEquals(Math.exp(-8), Double.parseDouble(LOG.decode(0)), 1e-15);
        assertEquals(Math.exp(-3.3), Double.parseDouble(LOG.decode(1)), 1e-12);
        assertEquals(0.25, LOG.encode(LOG.decode(0.25)), 1e-12);
        assertEquals("32", CAT.decode(0.0));
        assertEquals("256", CAT.decode(0.5));
        assertEquals("2048", CAT.decode(1.0));
        assertEquals("256", CAT.decode(CAT.encode("256")));
        Param.Range ints = new Param.Range("k", 1, 4, Param.Range.Scale.INT);
        assertEquals("1", ints.decode(0));
        assertEquals("4", ints.decode(1));
    }

    @Test
    void gridEnumeratesEveryCombinationThenStops() {
        Proposer g = new Proposer.GridSearch(List.of(CAT, new Param.Choice("opt", List.of("a", "b"))));
        List<Map<String, String>> seen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            seen.add(g.propose(i, List.of()));
        }
        assertEquals(Map.of("num_samples", "32", "opt", "a"), seen.get(0));
        assertEquals(Map.of("num_samples", "32", "opt", "b"), seen.get(1));
        assertEquals(Map.of("num_samples", "2048", "opt", "b"), seen.get(5));
        assertEquals(6, seen.stream().distinct().count());
        assertNull(g.propose(6, List.of()));
    }

    @Test
    void randomSearchIsAFunctionOfSeedAndTrial() {
        Proposer a = new Proposer.RandomSearch(List.of(LOG, CAT), 3);
        Proposer b = new Proposer.RandomSearch(List.of(LOG, CAT), 3);
        assertEquals(a.propose(5, List.of()), b.propose(5, List.of()));
        assertTrue(!a.propose(5, List.of()).equals(a.propose(6, List.of())));
    }

    @Test
    void failedTrialsCountAsWorstAndNeverCrashTheOptimiser() {
        // objective: peak at lr = e^-5; trials with lr above e^-4 "diverge" (objective null, status diverged)
        BayesOptimizer bo = new BayesOptimizer(List.of(LOG, CAT), 11, 3);
        List<Trial> h = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, String> p = bo.propose(i, List.copyOf(h));
            double x = Math.log(Double.parseDouble(p.get("lr")));
            boolean diverged = x > -4;
            h.add(new Trial(i, p, diverged ? null : -(x + 5) * (x + 5) + (p.get("num_samples").equals("256") ? 0.5 : 0),
                    (diverged ? Status.DIVERGED : Status.OK).wire(), null));
        }
        Trial best = h.stream().filter(Trial::ok).max(java.util.Comparator.comparingDouble(Trial::objective)).orElseThrow();
        double bx = Math.log(Double.parseDouble(best.params().get("lr")));
        assertTrue(Math.abs(bx + 5) < 0.3, "best lr exponent " + bx);
        assertEquals("256", best.params().get("num_samples"));
        long lateDivergent = h.subList(10, 20).stream().filter(t -> !t.ok()).count();
        assertTrue(lateDivergent <= 3, "the GP should learn to avoid the diverging region: " + lateDivergent + " of the last 10");
    }

    @Test
    void historyAppendsReadsAndIgnoresATornLastLine(@TempDir Path tmp) throws Exception {
        SweepHistory h = new SweepHistory(tmp.resolve("sweep/history.jsonl"));
        assertEquals(List.of(), h.read());
        Trial t0 = new Trial(0, Map.of("lr", "0.01"), 0.9, Status.OK.wire(), "e/mnist/sgd/abc/seed-0");
        Trial t1 = new Trial(1, Map.of("lr", "10.0"), null, Status.DIVERGED.wire(), "e/mnist/sgd/def/seed-0");
        h.append(t0);
        h.append(t1);
        assertEquals(List.of(t0, t1), h.read());
        Files.writeString(h.file(), "{\"trial\":2,\"par", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of(t0, t1), h.read(), "a killed writer's partial line is not a trial");
        Trial t2 = new Trial(2, Map.of("lr", "0.02"), 0.91, Status.OK.wire(), "r");
        h.append(t2);
        assertEquals(List.of(t0, t1, t2), h.read());
        assertNotNull(Files.readString(h.file()));
        assertEquals(3, Files.readAllLines(h.file()).size());
    }
}
