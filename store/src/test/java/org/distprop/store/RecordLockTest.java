package org.distprop.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordLockTest {
    @TempDir
    Path dir;

    @Test
    void secondAcquireFailsUntilReleased() {
        Optional<RecordLock> a = RecordLock.tryAcquire(dir);
        assertTrue(a.isPresent());
        assertTrue(Files.isRegularFile(dir.resolve(RecordFiles.LOCK)));
        assertTrue(RecordLock.tryAcquire(dir).isEmpty(), "held by a live process");
        RecordLock.Holder h = RecordLock.holder(dir).orElseThrow();
        assertEquals(ProcessHandle.current().pid(), h.pid());
        a.get().close();
        assertFalse(Files.exists(dir.resolve(RecordFiles.LOCK)));
        assertTrue(RecordLock.holder(dir).isEmpty());
        RecordLock.tryAcquire(dir).orElseThrow().close();
    }

    @Test
    void deadPidOnThisHostIsTakenOver() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        String host = hostOfThisMachine();
        Files.writeString(dir.resolve(RecordFiles.LOCK), "pid=" + p.pid() + "\nhost=" + host + "\nstarted=2020-01-01T00:00:00Z\n");
        assertTrue(RecordLock.holder(dir).isEmpty(), "pid " + p.pid() + " has exited");
        try (RecordLock l = RecordLock.tryAcquire(dir).orElseThrow()) {
            assertEquals(ProcessHandle.current().pid(), RecordLock.holder(dir).orElseThrow().pid());
        }
    }

    @Test
    void reusedPidIsTakenOver() throws Exception {
        // this JVM's pid, but a different process start time: the pid was reused by another process
        Files.writeString(dir.resolve(RecordFiles.LOCK), "pid=" + ProcessHandle.current().pid() + "\nhost=" + hostOfThisMachine()
                + "\nstarted=2020-01-01T00:00:00Z\nprocess_start=2020-01-01T00:00:00Z\n");
        assertTrue(RecordLock.holder(dir).isEmpty());
    }

    @Test
    void otherHostIsStaleOnlyAfterTheTimeout() throws Exception {
        Path f = dir.resolve(RecordFiles.LOCK);
        Files.writeString(f, "pid=1\nhost=some-other-node\nstarted=2020-01-01T00:00:00Z\n");
        assertTrue(RecordLock.holder(dir).isPresent(), "fresh heartbeat from another host: held");
        assertTrue(RecordLock.tryAcquire(dir).isEmpty());
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(RecordLock.STALE_AFTER).minusSeconds(1)));
        assertTrue(RecordLock.holder(dir).isEmpty(), "no heartbeat for longer than STALE_AFTER");
        RecordLock.tryAcquire(dir).orElseThrow().close();
    }

    @Test
    void emptyLockFileIsHeldWhileFresh() throws Exception {
        Path f = dir.resolve(RecordFiles.LOCK);
        Files.writeString(f, "");
        assertTrue(RecordLock.tryAcquire(dir).isEmpty(), "a lock being written counts as held");
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(RecordLock.STALE_AFTER).minusSeconds(1)));
        RecordLock.tryAcquire(dir).orElseThrow().close();
    }

    @Test
    void racingTakersOfAStaleLockHaveOneWinner() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path d = dir.resolve("r" + round);
            Files.createDirectories(d);
            Files.writeString(d.resolve(RecordFiles.LOCK), "pid=1\nhost=gone-node\nstarted=2020-01-01T00:00:00Z\n");
            Files.setLastModifiedTime(d.resolve(RecordFiles.LOCK), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
            int n = 8;
            ExecutorService ex = Executors.newFixedThreadPool(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<RecordLock>>> fs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                fs.add(ex.submit(() -> {
                    go.await();
                    return RecordLock.tryAcquire(d);
                }));
            }
            go.countDown();
            int winners = 0;
            List<RecordLock> held = new ArrayList<>();
            for (Future<Optional<RecordLock>> f : fs) {
                Optional<RecordLock> l = f.get();
                if (l.isPresent()) {
                    winners++;
                    held.add(l.get());
                }
            }
            ex.shutdown();
            assertTrue(winners <= 1, "round " + round + ": " + winners + " holders");
            held.forEach(RecordLock::close);
        }
    }

    private static String hostOfThisMachine() throws Exception {
        try (RecordLock l = RecordLock.tryAcquire(Files.createTempDirectory("host"))
                .orElseThrow()) {
            return Files.readString(l.file()).lines().filter(s -> s.startsWith("host=")).findFirst().orElseThrow().substring(5);
        }
    }
}
