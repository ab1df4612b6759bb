package org.distprop.datasets;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds the next minibatches on a background thread while the caller's training step runs, so batch assembly
 * (for ImageNet: JPEG decode and augmentation) overlaps the session run instead of adding to it. The batch at a
 * step is still {@link Batcher#batchAt}'s pure function of (seed, step), so prefetching changes no bits; the
 * Batcher is used only from the one background thread (it caches the epoch's permutation).
 */
public final class Prefetcher implements AutoCloseable {
    private final Batcher batcher;
    private final int depth;
    private final ExecutorService worker;
    private final ArrayDeque<Future<Batch>> queue = new ArrayDeque<>();
    private long nextToSchedule;
    private long nextToTake;

    /** Delivers the batches of steps {@code firstStep}, {@code firstStep + 1}, ...; {@code depth} built ahead. */
    public Prefetcher(Batcher batcher, long firstStep, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("prefetch depth must be >= 1, got " + depth);
        }
        this.batcher = batcher;
        this.depth = depth;
        this.nextToSchedule = firstStep;
        this.nextToTake = firstStep;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "batch-prefetch");
            t.setDaemon(true);
            return t;
        });
        fill();
    }

    /** The batch of the next step; blocks only if the background thread has not built it yet. */
    public Batch next() {
        Future<Batch> f = queue.poll();
        nextToTake++;
        fill();
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the batch of step " + (nextToTake - 1), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re; // e.g. a DataException naming the unreadable file
            }
            throw new IllegalStateException("building the batch of step " + (nextToTake - 1) + " failed", e.getCause());
        }
    }

    private void fill() {
        while (nextToSchedule < nextToTake + depth) {
            long step = nextToSchedule++;
            queue.add(worker.submit(() -> batcher.batchAt(step)));
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
