package org.distprop.harness.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.distprop.harness.Json;
import org.distprop.harness.Progress;
import org.distprop.harness.RunRecord;
import org.distprop.harness.StopSignal;
import org.distprop.harness.UserError;
import org.distprop.harness.sweep.Proposer;
import org.distprop.harness.sweep.SweepConfig;
import org.distprop.harness.sweep.SweepHistory;
import org.distprop.harness.sweep.Trial;
import org.distprop.store.Manifest;
import org.distprop.store.Status;
import org.distprop.store.SweepLog;

/**
 * Runs an expanded experiment locally: writes the plan, skips cells whose record says ok, runs the
 * rest in worker processes with overall progress and ETA, then runs the sweep (if any) trial by
 * trial from its append-only history. Everything is resumable: rerunning the same command after a
 * kill redoes exactly the cells and trials that did not finish.
 */
public final class ExperimentRunner {
    /** A slice of the plan: cells whose index % count == index. */
    public record Shard(int index, int count) {
        public static Shard parse(String s) {
            if (s == null) {
                return null;
            }
            String[] p = s.split("/");
            try {
                Shard sh = new Shard(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
                if (p.length == 2 && sh.count > 0 && sh.index >= 0 && sh.index < sh.count) {
                    return sh;
                }
            } catch (RuntimeException ignored) {
                // fall through
            }
            throw new UserError("--shard must be i/n with 0 <= i < n, got '" + s + "'");
        }

        boolean contains(Cell c) {
            return c.index() % count == index;
        }
    }

    /** {@code threads}: TensorFlow threads per worker; 0 = cores / jobs. {@code workerArgs}: extra run-cell arguments (checkpoint options). */
    public record Options(String profile, int jobs, int threads, Path results, Path dataDir, boolean dryRun, Shard shard, boolean quiet,
                          List<String> workerArgs) {
        public Options(String profile, int jobs, int threads, Path results, Path dataDir, boolean dryRun, Shard shard, boolean quiet) {
            this(profile, jobs, threads, results, dataDir, dryRun, shard, quiet, List.of());
        }

        int workerThreads() {
            return threads > 0 ? threads : WorkerPool.threadsPerWorker(jobs);
        }
    }

    /** Key of the final cell counts for cells another live runner was running. */
    private static final String HELD = "held by another runner";

    private final ExperimentSpec.Expansion exp;
    private final Options o;
    private final PrintStream out;
    private final Path expDir;

    public ExperimentRunner(ExperimentSpec.Expansion exp, Options o, PrintStream out) {
        if (o.jobs() < 1) {
            throw new UserError("--jobs must be >= 1, got " + o.jobs());
        }
        if (o.threads() < 0) {
            throw new UserError("--threads must be >= 0 (0 = cores / jobs), got " + o.threads());
        }
        if (o.shard() != null && exp.sweep() != null) {
            throw new UserError("--shard splits a plan of independent cells; " + exp.spec().name()
                    + " is a sweep, whose trials depend on each other: run it unsharded");
        }
        this.exp = exp;
        this.o = o;
        this.out = out;
        this.expDir = o.results().resolve(exp.spec().name());
    }

    /**
     * Returns the process exit code: 0 when every cell and trial is ok, 143/130 when stopped by SIGTERM/SIGINT
     * (running cells are left interrupted with checkpoints; a rerun resumes them), 3 otherwise.
     */
    public int run() {
        StopSignal.install();
        try {
            int code = runCells();
            return StopSignal.requested() ? StopSignal.exitCode(StopSignal.signal()) : code;
        } finally {
            StopSignal.uninstall();
        }
    }

    private int runCells() {
        List<Cell> mine = exp.cells().stream().filter(c -> o.shard() == null || o.shard().contains(c)).toList();
        List<Cell> pending = new ArrayList<>();
        Map<Cell, Path> shared = new LinkedHashMap<>();
        for (Cell c : mine) {
            if (RunRecord.status(o.results().resolve(c.record())) != Status.OK) {
                Path same = SharedRecords.find(o.results(), c);
                if (same != null) {
                    shared.put(c, same);
                } else {
                    pending.add(c);
                }
            }
        }
        if (o.dryRun()) {
            return dryRun(mine, pending, shared);
        }
        org.distprop.harness.StoreCatalog.write(o.results()); // how the report labels the methods (copied records included)
        for (var it = shared.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!SharedRecords.copy(e.getValue(), o.results(), e.getKey(), exp.profile())) {
                it.remove(); // another runner is training it under this experiment: the pool skips it as held
                pending.add(e.getKey());
            }
        }
        if (!shared.isEmpty()) {
            out.printf(Locale.ROOT, "%s: %d cell(s) copied from the same runs (same config hash and seed) of other experiments: %s%n",
                    exp.spec().name(), shared.size(), shared.values().stream().map(p -> o.results().relativize(p).getName(0).toString())
                            .distinct().toList());
        }
        long t0 = System.nanoTime();
        Plan plan = exp.plan();
        Path planFile = plan.file(o.results());
        plan.write(planFile);
        Events events = new Events(expDir.resolve("events.jsonl"));
        out.printf(Locale.ROOT, "%s (%s profile): %d cells, %d already ok, %d to run with %d worker(s) x %d TF thread(s)%s%n",
                exp.spec().name(), exp.profile(), mine.size(), mine.size() - pending.size(), pending.size(), o.jobs(),
                o.workerThreads(), o.shard() == null ? "" : " (shard " + o.shard().index() + "/" + o.shard().count() + ")");
        Map<String, Integer> counts = new TreeMap<>();
        mine.stream().filter(c -> !pending.contains(c)).forEach(c -> counts.merge(Status.OK.wire(), 1, Integer::sum));
        List<String> problems = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (WorkerPool pool = new WorkerPool(o.jobs(), o.workerThreads(), o.dataDir(), expDir.resolve("logs"), o.workerArgs());
             Progress progress = new Progress(exp.spec().name() + " cells", pending.size(), o.quiet())) {
            StopSignal.onStop(pool::stop);
            pool.run(planFile, o.results(), pending, oc -> {
                synchronized (counts) {
                    if (oc.notStarted()) {
                        counts.merge(WorkerPool.NOT_STARTED, 1, Integer::sum);
                        return;
                    }
                    if (oc.skipped() != null) { // another runner on this results store has the cell
                        boolean done = oc.status() == Status.OK;
                        counts.merge(done ? Status.OK.wire() : HELD, 1, Integer::sum);
                        events.log("skip", oc.cell(), oc.status(), oc.skipped());
                        String line = String.format(Locale.ROOT, "cell %d %s: skipped, %s", oc.cell().index(),
                                oc.cell().describe().strip(), oc.skipped());
                        out.println(line);
                        if (!done) {
                            skipped.add(line);
                        }
                        progress.step(1, "ok " + counts.getOrDefault(Status.OK.wire(), 0) + ", other " + problems.size());
                        return;
                    }
                    counts.merge(oc.status().wire(), 1, Integer::sum);
                    events.log("finish", oc.cell(), oc.status());
                    if (oc.status() != Status.OK) {
                        problems.add(String.format(Locale.ROOT, "cell %d %s: %s (exit %d; log %s)", oc.cell().index(),
                                oc.cell().describe().strip(), oc.status(), oc.exitCode(),
                                expDir.resolve("logs").resolve(oc.cell().logFileName())));
                    }
                    progress.step(1, "ok " + counts.getOrDefault(Status.OK.wire(), 0) + ", other " + problems.size());
                }
            });
        }
        int sweepFailures = exp.sweep() != null && !StopSignal.requested() ? runSweep() : 0;
        for (String p : problems) {
            out.println("  " + p);
        }
        out.printf(Locale.ROOT, "%s: cells %s, %.1f s with --jobs %d%n", exp.spec().name(), counts.isEmpty() ? "{}" : counts,
                (System.nanoTime() - t0) / 1e9, o.jobs());
        if (!skipped.isEmpty()) {
            out.printf(Locale.ROOT, "%s: %d cell(s) left to another runner on %s; rerun this command once it has finished"
                    + " to pick up any it did not complete%n", exp.spec().name(), skipped.size(), o.results());
        }
        return problems.isEmpty() && sweepFailures == 0 ? 0 : org.distprop.harness.ExitCodes.RUN_FAILED;
    }

    private int dryRun(List<Cell> mine, List<Cell> pending, Map<Cell, Path> shared) {
        Estimator est = new Estimator(o.results());
        for (Cell c : mine) {
            String state = pending.contains(c) ? "pending" : shared.containsKey(c) ? "shared" : Status.OK.wire();
            out.printf(Locale.ROOT, "%4d %-7s %s  ~%s%n", c.index(), state, c.describe(),
                    shared.containsKey(c) ? "0 s (copied from " + o.results().relativize(shared.get(c)).getName(0) + ")"
                            : Progress.fmtSeconds(est.seconds(c)));
        }
        double wall = est.wallSeconds(pending, o.jobs());
        out.printf(Locale.ROOT, "%s (%s profile): %d cells, %d already ok, %d shared with other experiments, %d to run; estimated %s with --jobs %d (%s)%n",
                exp.spec().name(), exp.profile(), mine.size(), mine.size() - pending.size() - shared.size(), shared.size(), pending.size(),
                Progress.fmtSeconds(wall), o.jobs(), est.calibrationRecords() > 0
                        ? "calibrated on " + est.calibrationRecords() + " finished records" : "default per-example costs; no finished records yet");
        if (exp.sweep() != null) {
            SweepConfig s = exp.sweep();
            int done = new SweepHistory(historyFile()).read().size();
            Cell example = exp.sweepTemplate().trialCell(exp.spec().name(), 0, Map.of());
            out.printf(Locale.ROOT, "sweep: %s search over %s on %s/%s, %d trials (%d done), ~%s each, ~%s in all; history %s%n",
                    s.method(), s.space().stream().map(org.distprop.harness.sweep.Param::name).toList(), example.run().dataset(),
                    example.run().method(), exp.trials(), done, Progress.fmtSeconds(est.seconds(example)),
                    Progress.fmtSeconds(est.seconds(example) * Math.max(0, exp.trials() - done)), historyFile());
        }
        return 0;
    }

    Path historyFile() {
        return SweepLog.of(expDir);
    }

    /** Runs the remaining sweep trials one after another; returns how many trials were not ok. */
    private int runSweep() {
        SweepConfig s = exp.sweep();
        SweepHistory history = new SweepHistory(historyFile());
        List<Trial> trials = new ArrayList<>(history.read());
        Proposer proposer = s.proposer();
        int startAt = trials.size();
        out.printf(Locale.ROOT, "sweep %s: %s search, %d of %d trials done, history %s%n", exp.spec().name(), s.method(),
                startAt, exp.trials(), history.file());
        Events events = new Events(expDir.resolve("events.jsonl"));
        try (WorkerPool pool = new WorkerPool(1, o.threads() > 0 ? o.threads() : WorkerPool.threadsPerWorker(1), o.dataDir(),
                expDir.resolve("logs"), o.workerArgs());
             Progress progress = new Progress(exp.spec().name() + " sweep", Math.max(0, exp.trials() - startAt), o.quiet())) {
            StopSignal.onStop(pool::stop);
            while (trials.size() < exp.trials()) {
                int i = trials.size();
                Map<String, String> proposed = proposer.propose(i, List.copyOf(trials));
                if (proposed == null) {
                    out.printf("sweep %s: grid exhausted after %d trials%n", exp.spec().name(), i);
                    break;
                }
                Map<String, String> params = new LinkedHashMap<>(s.constants());
                params.putAll(proposed);
                Cell cell = exp.sweepTemplate().trialCell(exp.spec().name(), 0, params);
                Path recordDir = o.results().resolve(cell.record());
                Status status = RunRecord.status(recordDir);
                if (status != Status.OK) {
                    Path trialPlan = expDir.resolve(SweepLog.DIR).resolve("trial-" + i + ".json");
                    new Plan(exp.spec().name(), exp.spec().file(), exp.profile(), exp.timeLimit(), 0, List.of(cell), i).write(trialPlan);
                    WorkerPool.Outcome oc = pool.run(trialPlan, o.results(), List.of(cell), x -> {
                        if (x.skipped() == null) {
                            events.log("finish", x.cell(), x.status());
                        }
                    }).get(0);
                    if (StopSignal.requested() || oc.notStarted() || oc.status() == Status.INTERRUPTED) {
                        out.printf("sweep %s: stopped during trial %d (%s); rerun to resume it%n", exp.spec().name(), i,
                                oc.notStarted() ? WorkerPool.NOT_STARTED : oc.status().wire());
                        break; // not a result of the sweep: the trial resumes from its checkpoint on the next run
                    }
                    if (oc.skipped() != null && oc.status() != Status.OK) {
                        throw new UserError("sweep " + exp.spec().name() + ": trial " + i + " (" + recordDir + ") is " + oc.skipped()
                                + "; a sweep's trials depend on each other, so run a sweep from one runner at a time");
                    }
                    status = oc.status();
                }
                Double metric = status == Status.OK ? finalMetric(recordDir, s.metric()) : null;
                if (status == Status.OK && metric == null) {
                    status = Status.FAILED; // finished but without the metric: worst, like any failure
                }
                Trial t = new Trial(i, params, metric == null ? null : s.objective(metric),
                        status == null ? Status.CRASHED.wire() : status.wire(), cell.record());
                history.append(t);
                trials.add(t);
                double best = trials.stream().filter(Trial::ok).mapToDouble(Trial::objective).max().orElse(Double.NaN);
                progress.step(1, String.format(Locale.ROOT, "trial %d %s %s, best %.4f", i, status,
                        metric == null ? "-" : String.format(Locale.ROOT, "%.4f", metric), best));
            }
        }
        long bad = trials.stream().filter(t -> !t.ok()).count();
        trials.stream().filter(Trial::ok).max(java.util.Comparator.comparingDouble(Trial::objective)).ifPresent(b ->
                out.printf(Locale.ROOT, "sweep %s: %d trials (%d not ok); best trial %d %s = %.4f, params %s%n",
                        exp.spec().name(), trials.size(), bad, b.trial(), s.metric(), s.maximize() ? b.objective() : -b.objective(),
                        b.params()));
        // failed or diverged trials are results of the sweep (counted as worst), not failures of the run
        return 0;
    }

    static Double finalMetric(Path recordDir, String metric) {
        try {
            JsonNode m = Json.MAPPER.readTree(recordDir.resolve(RunRecord.MANIFEST).toFile());
            JsonNode v = m.path(Manifest.FINAL).path(metric);
            if (v.isNumber() && Double.isFinite(v.asDouble())) {
                return v.asDouble();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
