package org.distprop.harness.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.distprop.harness.RunRecord;
import org.distprop.store.RecordLock;
import org.distprop.store.Status;

/**
 * Runs cells in worker processes: {@code java -cp <this class path> ... run-cell --plan P --index i
 * --threads T}, at most {@code jobs} at a time, each with T = cores / jobs TensorFlow threads
 * (TensorFlow fixes its thread pools per process, so parallel runs must be separate JVMs). A worker
 * exits when its runner dies, so a killed runner leaves no worker writing behind a rerun's back.
 * {@link #stop()} (the runner's SIGTERM/SIGINT) sends SIGTERM to the running workers, which checkpoint and
 * leave their records interrupted, and starts no further cells.
 */
public final class WorkerPool implements AutoCloseable {
    /** Why a cell was not started: the pool was stopping (SIGTERM/SIGINT); see {@link Outcome#notStarted}. */
    public static final String NOT_STARTED = "not started";

    /**
     * Outcome of one cell: the record's status, or {@link Status#CRASHED} when the worker left it running
     * (or none). {@code skipped} is non-null (the reason) when the cell was not run here because another
     * live runner holds its record or has finished it meanwhile.
     */
    public record Outcome(Cell cell, Status status, int exitCode, double seconds, String skipped) {
        /** A cell the pool did not start because it was stopping (no status: no record was touched). */
        public boolean notStarted() {
            return status == null && NOT_STARTED.equals(skipped);
        }

    }

    /** Exit code a worker uses for "cell skipped" ({@code run-cell --skip-exit-code}); EX_TEMPFAIL. */
    static final int SKIP_EXIT = 75;

    private final int jobs;
    private final int threads;
    private final Path dataDir;
    private final Path logDir;
    private final ExecutorService pool;
    private final List<String> workerArgs;
    private final java.util.Set<Process> live = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public WorkerPool(int jobs, int threads, Path dataDir, Path logDir) {
        this(jobs, threads, dataDir, logDir, List.of());
    }

    /** {@code workerArgs}: extra run-cell arguments (checkpoint options). */
    public WorkerPool(int jobs, int threads, Path dataDir, Path logDir, List<String> workerArgs) {
        this.workerArgs = List.copyOf(workerArgs);
        this.jobs = jobs;
        this.threads = threads;
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "cell-worker");
            t.setDaemon(true);
            return t;
        });
    }

    public static int threadsPerWorker(int jobs) {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / jobs);
    }

    public int threads() {
        return threads;
    }

    public int jobs() {
        return jobs;
    }

    /** Runs {@code cells} of the plan at {@code planFile}; {@code done} is called as each finishes. */
    public List<Outcome> run(Path planFile, Path resultsRoot, List<Cell> cells, Consumer<Outcome> done) {
        List<Future<Outcome>> fs = new ArrayList<>();
        for (Cell c : cells) {
            fs.add(pool.submit(() -> {
                Outcome o = runOne(planFile, resultsRoot, c);
                done.accept(o);
                return o;
            }));
        }
        List<Outcome> out = new ArrayList<>();
        for (Future<Outcome> f : fs) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped while waiting for the workers", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("worker thread failed: " + e.getCause(), e.getCause());
            }
        }
        return out;
    }

    /** Stops the pool: SIGTERM to every running worker (each checkpoints and exits), no new cells. */
    public void stop() {
        stopping = true;
        live.forEach(Process::destroy); // SIGTERM on Unix
    }

    Outcome runOne(Path planFile, Path resultsRoot, Cell c) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        if (stopping) {
            return new Outcome(c, null, -1, 0, NOT_STARTED);
        }
        Path record = resultsRoot.resolve(c.record());
        // checked again here, not only when the plan was read: another runner may share this results store
        Optional<RecordLock.Holder> holder = RecordLock.holder(record);
        if (holder.isPresent()) {
            return new Outcome(c, RunRecord.status(record), 0, 0, "being run by " + holder.get().describe());
        }
        if (RunRecord.status(record) == Status.OK) {
            return new Outcome(c, Status.OK, 0, 0, "finished meanwhile by another runner");
        }
        List<String> cmd = workerCommand(List.of("run-cell", "--plan", planFile.toAbsolutePath().toString(),
                "--index", Integer.toString(c.index()), "--results", resultsRoot.toAbsolutePath().toString(),
                "--threads", Integer.toString(threads), "--quiet", "--exit-with-parent",
                "--skip-exit-code", Integer.toString(SKIP_EXIT)));
        cmd.addAll(workerArgs);
        if (dataDir != null) {
            cmd.add("--data-dir");
            cmd.add(dataDir.toAbsolutePath().toString());
        }
        Files.createDirectories(logDir);
        // appended, not replaced: a worker that finds the cell taken must not wipe the log of the one running it
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(c.logFileName()).toFile()));
        org.distprop.harness.TfEnvironment.applyTo(pb.environment());
        Process p = pb.start();
        live.add(p);
        if (stopping) {
            p.destroy(); // stop() ran between the check above and start()
        }
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        } finally {
            live.remove(p);
        }
        Status status = RunRecord.status(record);
        if (code == SKIP_EXIT) { // the worker found the record held by another runner, or already ok
            return new Outcome(c, status, code, (System.nanoTime() - t0) / 1e9, "taken by another runner, or copied from the same run of another experiment, as this worker started");
        }
        if (status == null || status == Status.RUNNING) {
            status = Status.CRASHED;
        }
        return new Outcome(c, status, code, (System.nanoTime() - t0) / 1e9, null);
    }

    /** {@code java <heap> -cp <class path> org.distprop.harness.cli.Main <args>} for this JVM's class path. */
    public static List<String> workerCommand(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String heap = System.getenv("DISTPROP_WORKER_HEAP");
        cmd.add("-Xmx" + (heap != null ? heap : Math.max(512, Runtime.getRuntime().maxMemory() >> 20) + "m"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.distprop.harness.cli.Main");
        cmd.addAll(args);
        return cmd;
    }



    @Override
    public void close() {
        pool.shutdownNow();
    }
}
