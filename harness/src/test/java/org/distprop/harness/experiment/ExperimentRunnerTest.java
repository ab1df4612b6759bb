package org.distprop.harness.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.distprop.harness.RunRecord;
import org.distprop.harness.cli.Main;
import org.distprop.store.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner with real worker processes on tiny MNIST subsets (test fixtures use sgd, which exists on
 * every branch): kill -9 and resume, a GP sweep resumed from its history, and a Slurm array script
 * run with a fake SLURM_ARRAY_TASK_ID.
 */
class ExperimentRunnerTest {
    static final long STEPS = 12; // fixture-fig3 ci steps

    @Test
    void killedRunnerResumesAndEveryCellCompletesExactlyOnce(@TempDir Path tmp) throws Exception {
        Path spec = Cli.resource("experiments/fixture-fig3.yaml");
        Path results = tmp.resolve("results");
        Path exp = results.resolve("fixture-fig3");
        Process runner = Cli.start(tmp.resolve("first.log"), "experiment", spec.toString(), "--profile", "ci", "--jobs", "1",
                "--results", results.toString());
        // wait until one cell is finished and the next one is mid-run, then kill -9 the runner
        long deadline = System.nanoTime() + 300_000_000_000L;
        Map<Path, String> before = new HashMap<>();
        Path running = null;
        while (running == null) {
            assertTrue(System.nanoTime() < deadline, "no cell started in time:\n" + Files.readString(tmp.resolve("first.log")));
            assertTrue(runner.isAlive(), "the runner ended before it could be killed:\n" + Files.readString(tmp.resolve("first.log")));
            before.clear();
            Path candidate = null;
            for (Path m : Cli.manifests(exp)) {
                JsonNode n = Cli.json(m);
                String st = n == null ? null : n.path("status").asText();
                if (Status.OK.is(st)) {
                    before.put(m.getParent(), n.path("started").asText());
                } else if (Status.RUNNING.is(st)) {
                    candidate = m.getParent();
                }
            }
            if (!before.isEmpty() && candidate != null) {
                running = candidate;
            } else {
                Thread.sleep(100);
            }
        }
        List<ProcessHandle> workers = runner.descendants().toList();
        runner.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
        runner.waitFor();
        for (ProcessHandle w : workers) {
            w.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS); // workers notice and stop by themselves
        }
        assertFalse(workers.stream().anyMatch(ProcessHandle::isAlive), "orphaned workers kept running");
        assertEquals(Status.RUNNING, RunRecord.status(running), "the interrupted record must not look complete");
        assertFalse(Files.exists(running.resolve(RunRecord.EVAL)), "the interrupted record has no final eval.csv");

        int code = Cli.run(tmp.resolve("second.log"), 600, "experiment", spec.toString(), "--profile", "ci", "--jobs", "2",
                "--results", results.toString());
        String log2 = Files.readString(tmp.resolve("second.log"));
        assertEquals(0, code, log2);
        assertTrue(log2.contains(before.size() + " already ok"), log2);

        List<Path> manifests = Cli.manifests(exp);
        assertEquals(4, manifests.size(), "2 configs x 2 seeds");
        for (Path m : manifests) {
            JsonNode n = Cli.json(m);
            assertEquals(Status.OK.wire(), n.path("status").asText(), m.toString());
            assertEquals("ci", n.path("profile").asText());
            assertEquals(STEPS + 1, Files.readAllLines(m.resolveSibling(RunRecord.TRACE)).size(), "header + one row per step");
            List<String> eval = Files.readAllLines(m.resolveSibling(RunRecord.EVAL));
            assertTrue(eval.get(eval.size() - 1).startsWith(STEPS + ","), "last evaluation at the last step");
            if (before.containsKey(m.getParent())) {
                assertEquals(before.get(m.getParent()), n.path("started").asText(), "an ok cell was rerun: " + m);
            }
        }
        assertEquals(List.of(), Cli.partials(exp));
        // the runners' append-only event log: every cell finished ok exactly once across both runs
        Map<Integer, Integer> okFinishes = new HashMap<>();
        for (JsonNode e : Cli.lines(exp.resolve("events.jsonl"))) {
            if ("finish".equals(e.path("event").asText()) && Status.OK.is(e.path("status").asText())) {
                okFinishes.merge(e.path("cell").asInt(), 1, Integer::sum);
            }
        }
        assertEquals(Map.of(0, 1, 1, 1, 2, 1, 3, 1), okFinishes);
    }

    @Test
    void twoRunnersOnOneResultsStoreRunEachCellOnce(@TempDir Path tmp) throws Exception {
        Path spec = Cli.resource("experiments/fixture-fig3.yaml");
        Path results = tmp.resolve("results");
        Path exp = results.resolve("fixture-fig3");
        Process a = Cli.start(tmp.resolve("a.log"), "experiment", spec.toString(), "--profile", "ci", "--results", results.toString());
        Process b = Cli.start(tmp.resolve("b.log"), "experiment", spec.toString(), "--profile", "ci", "--results", results.toString());
        for (Process p : List.of(a, b)) {
            assertTrue(p.waitFor(600, java.util.concurrent.TimeUnit.SECONDS), "runner timed out");
            assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("a.log")) + Files.readString(tmp.resolve("b.log")));
        }
        String logs = Files.readString(tmp.resolve("a.log")) + Files.readString(tmp.resolve("b.log"));
        Map<Integer, Integer> finishes = new HashMap<>();
        for (JsonNode e : Cli.lines(exp.resolve("events.jsonl"))) {
            if ("finish".equals(e.path("event").asText())) {
                finishes.merge(e.path("cell").asInt(), 1, Integer::sum);
            }
        }
        assertEquals(Map.of(0, 1, 1, 1, 2, 1, 3, 1), finishes, "each cell run once by the two runners together:\n" + logs);
        // (how the cells split between the runners, and so the number of "skip" events, depends on timing)
        for (Path m : Cli.manifests(exp)) {
            assertEquals(Status.OK, RunRecord.status(m.getParent()), m.toString());
            assertFalse(Files.exists(m.resolveSibling(org.distprop.store.RecordFiles.LOCK)), "lock released: " + m);
        }
        assertEquals(4, Cli.manifests(exp).size());
        assertEquals(List.of(), Cli.partials(exp));
    }

    @Test
    void sweepRunsFromItsHistoryAndResumesDeterministically(@TempDir Path tmp) throws Exception {
        Path spec = Cli.resource("experiments/fixture-sweep.yaml");
        Path results = tmp.resolve("results");
        int code = Cli.run(tmp.resolve("sweep.log"), 600, "experiment", spec.toString(), "--profile", "ci", "--results", results.toString());
        assertEquals(0, code, Files.readString(tmp.resolve("sweep.log")));
        Path history = results.resolve("fixture-sweep/sweep/history.jsonl");
        List<JsonNode> h = Cli.lines(history);
        assertEquals(4, h.size());
        for (int i = 0; i < h.size(); i++) {
            JsonNode t = h.get(i);
            assertEquals(i, t.path("trial").asInt());
            assertEquals(Status.OK.wire(), t.path("status").asText());
            assertEquals("adagrad", t.path("params").path("optimizer").asText(), "constants go to every trial");
            JsonNode m = Cli.json(results.resolve(t.path("record").asText()).resolve(RunRecord.MANIFEST));
            assertEquals(m.path("final").path("test_top1").asDouble(), t.path("objective").asDouble(), 0.0);
            assertEquals(i, m.path("sweep_trial").asInt());
            assertEquals(t.path("params").path("lr").asText(), m.path("config").path("lr").asText());
        }
        // interrupt: the last trial's line is lost (as if killed before the append); resuming re-proposes the
        // same point from the same history, finds its ok record and appends the same line
        List<String> lines = Files.readAllLines(history);
        Files.write(history, lines.subList(0, 3));
        Files.writeString(history, lines.get(3).substring(0, 10), java.nio.file.StandardOpenOption.APPEND); // torn tail
        String startedBefore = Cli.json(results.resolve(h.get(3).path("record").asText()).resolve(RunRecord.MANIFEST))
                .path("started").asText();
        code = Cli.run(tmp.resolve("resume.log"), 600, "experiment", spec.toString(), "--profile", "ci", "--results", results.toString());
        assertEquals(0, code, Files.readString(tmp.resolve("resume.log")));
        assertEquals(lines, Files.readAllLines(history));
        assertEquals(startedBefore, Cli.json(results.resolve(h.get(3).path("record").asText()).resolve(RunRecord.MANIFEST))
                .path("started").asText(), "the finished trial was not rerun");
    }

    @Test
    void theDefaultSlurmScriptIsNamedAsItsPlan(@TempDir Path tmp) throws Exception {
        Path spec = Cli.resource("experiments/fixture-fig3.yaml");
        Path results = tmp.resolve("results");
        assertEquals(0, Main.execute("slurm", spec.toString(), "--profile", "ci", "--results", results.toString()));
        Path plan = ExperimentSpec.load(spec.toString()).expand("ci").plan().file(results);
        String hash = plan.getFileName().toString().replaceAll("^plan-ci-|\\.json$", "");
        Path script = plan.resolveSibling("slurm-ci-" + hash + ".sh");
        assertTrue(Files.isRegularFile(plan) && Files.isRegularFile(script), plan + ", " + script);
        assertTrue(Files.readString(script).contains(plan.toAbsolutePath().toString()), "the script runs its own plan");
    }

    @Test
    void slurmArrayScriptRunsTheCellOfItsTaskId(@TempDir Path tmp) throws Exception {
        Path spec = Cli.resource("experiments/fixture-fig3.yaml");
        Path results = tmp.resolve("results");
        Path script = tmp.resolve("job.sh");
        assertEquals(0, Main.execute("slurm", spec.toString(), "--profile", "paper", "--results", results.toString(),
                "--out", script.toString(), "--cpus-per-task", "2"));
        String paper = Files.readString(script);
        assertTrue(paper.contains("#SBATCH --array=0-19%20\n"), paper); // 2 configs x 10 seeds, profile throttle 20
        assertTrue(paper.contains("#SBATCH --time=04:00:00\n"), paper);
        assertTrue(paper.contains("--index \"$SLURM_ARRAY_TASK_ID\""), paper);
        assertTrue(paper.contains("#SBATCH --signal=B:USR1@300\n") && paper.contains("#SBATCH --requeue\n"), paper);
        assertTrue(paper.contains("scontrol requeue"), "the time-limit warning requeues the task: " + paper);

        assertEquals(0, Main.execute("slurm", spec.toString(), "--profile", "ci", "--results", results.toString(),
                "--out", script.toString(), "--throttle", "3", "--time", "00:05:00", "--cpus-per-task", "2"));
        String ci = Files.readString(script);
        assertTrue(ci.contains("#SBATCH --array=0-3%3\n"), ci);
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("task.log").toFile());
        pb.environment().put("SLURM_ARRAY_TASK_ID", "2");
        pb.environment().put("SLURM_CPUS_PER_TASK", "2");
        Process p = pb.start();
        assertTrue(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS), "array task timed out");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("task.log")));
        Plan plan = Plan.read(ExperimentSpec.load(spec.toString()).expand("ci").plan().file(results));
        for (Cell c : plan.cells()) {
            Status st = RunRecord.status(results.resolve(c.record()));
            assertEquals(c.index() == 2 ? Status.OK : null, st, "cell " + c.index());
        }
        JsonNode m = Cli.json(results.resolve(plan.cell(2).record()).resolve(RunRecord.MANIFEST));
        assertEquals(2, m.path("plan").path("index").asInt());
        assertEquals(2, m.path("provenance").path("tf_threads").asInt());
        // without a task id the script refuses to run
        Process bare = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("bare.log").toFile()).start();
        assertTrue(bare.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(bare.exitValue() != 0);
    }
}
