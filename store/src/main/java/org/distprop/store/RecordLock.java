package org.distprop.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One writer per record directory: {@link RecordFiles#LOCK} created with {@code CREATE_NEW} (atomic on
 * local disks and on the NFS-like shared filesystems Slurm clusters use) holding pid, host, start
 * time. The holder refreshes the file's mtime every {@link #HEARTBEAT}. A lock is taken over when
 * its holder is gone: on the same host when the pid is not alive (or is a different process with
 * the same pid), on another host when the mtime is older than {@link #STALE_AFTER} (clocks must agree
 * to well under that). Takeovers are serialised by a second {@code CREATE_NEW} file, so two runners
 * that both find a stale lock cannot both win.
 */
public final class RecordLock implements AutoCloseable {
    public static final Duration HEARTBEAT = Duration.ofSeconds(20);
    /** A lock from another host not refreshed for this long is stale (heartbeat + NFS attribute caching, with margin). */
    public static final Duration STALE_AFTER = Duration.ofMinutes(3);
    private static final String TAKEOVER = ".takeover";
    private static final Duration TAKEOVER_STALE = Duration.ofSeconds(60);
    private static final ScheduledExecutorService BEATS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "record-lock-heartbeat");
        t.setDaemon(true);
        return t;
    });

    /** Who holds a lock, as written in the lock file; {@code pid < 0} for a file still being written. */
    public record Holder(long pid, String host, String started, String processStart, Instant lastBeat) {
        /** "pid 123 on node7 since 2026-12-01T19:40:00Z". */
        public String describe() {
            return pid < 0 ? "a runner (lock being written)" : "pid " + pid + " on " + host + " since " + started;
        }
    }

    private final Path file;
    private final Holder me;
    private final boolean createdDir;
    private final ScheduledFuture<?> beat;

    private RecordLock(Path file, Holder me, boolean createdDir) {
        this.file = file;
        this.me = me;
        this.createdDir = createdDir;
        this.beat = BEATS.scheduleAtFixedRate(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the lock of record directory {@code dir} (created if missing), taking over a stale one;
     * empty when another live process holds it ({@link #holder} says who).
     */
    public static Optional<RecordLock> tryAcquire(Path dir) {
        Path file = dir.resolve(RecordFiles.LOCK);
        try {
            boolean created = !Files.isDirectory(dir);
            for (int attempt = 0; attempt < 3; attempt++) {
                Files.createDirectories(dir);
                Holder me = self();
                try {
                    createComplete(file, format(me));
                    return Optional.of(new RecordLock(file, me, created));
                } catch (NoSuchFileException gone) {
                    continue; // another process removed the empty directory it had created; make it again
                } catch (FileAlreadyExistsException held) {
                    if (!takeOverIfStale(file)) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates {@code file} holding {@code text}, failing with FileAlreadyExistsException if it exists. The text is
     * written to a private temporary file first and hard-linked into place (atomic, and the classic NFS-safe lock),
     * so no reader ever sees a half-written lock: a truncated "pid=12" read mid-write would name another process,
     * look dead, and let a second runner delete a live lock.
     */
    private static void createComplete(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + "." + Thread.currentThread().getId() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        try {
            Files.createLink(file, tmp);
        } catch (UnsupportedOperationException noLinks) { // a filesystem without hard links: create in place
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The live holder of {@code dir}'s lock, or empty when there is none or it is stale. */
    public static Optional<Holder> holder(Path dir) {
        Holder h = read(dir.resolve(RecordFiles.LOCK));
        return h != null && alive(h) ? Optional.of(h) : Optional.empty();
    }

    /** Deletes a stale lock under the takeover mutex; true if the caller should try to create it again. */
    private static boolean takeOverIfStale(Path file) throws IOException {
        Holder h = read(file);
        if (h != null && alive(h)) {
            return false;
        }
        Path mutex = file.resolveSibling(file.getFileName() + TAKEOVER);
        try {
            Files.writeString(mutex, format(self()), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException busy) {
            if (age(mutex).compareTo(TAKEOVER_STALE) > 0) {
                Files.deleteIfExists(mutex); // a taker died mid-takeover; the next attempt retries
                return true;
            }
            return false; // someone else is taking it over right now
        }
        try {
            // re-read under the mutex: only a taker deletes, and only here. A file that is gone may be recreated by its
            // new owner at any moment, so only a file read as stale under the mutex is deleted (it cannot be replaced
            // without being deleted first, and deleting needs the mutex we hold).
            Holder again = read(file);
            if (again != null && !alive(again)) {
                Files.deleteIfExists(file);
            }
            return true;
        } finally {
            Files.deleteIfExists(mutex);
        }
    }

    static boolean alive(Holder h) {
        if (h.pid() < 0 || !self().host().equals(h.host())) {
            return Duration.between(h.lastBeat(), Instant.now()).compareTo(STALE_AFTER) < 0;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(h.pid());
        if (p.isEmpty() || !p.get().isAlive()) {
            return false;
        }
        String start = p.get().info().startInstant().map(Instant::toString).orElse(null);
        return h.processStart() == null || start == null || h.processStart().equals(start); // else: pid reused
    }

    /** The lock file's holder; null if there is no lock file. A file being written reads as pid -1. */
    static Holder read(Path file) {
        try {
            Instant beat = Files.getLastModifiedTime(file).toInstant();
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            long pid;
            try {
                pid = Long.parseLong(p.getProperty("pid", "-1").strip());
            } catch (NumberFormatException e) {
                pid = -1;
            }
            return new Holder(pid, p.getProperty("host", "?"), p.getProperty("started", "?"), p.getProperty("process_start"), beat);
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException e) {
            return new Holder(-1, "?", "?", null, Instant.now()); // unreadable right now: assume a live writer
        }
    }

    private static Duration age(Path f) {
        try {
            return Duration.between(Files.getLastModifiedTime(f).toInstant(), Instant.now());
        } catch (IOException e) {
            return Duration.ZERO;
        }
    }

    private static Holder self() {
        ProcessHandle p = ProcessHandle.current();
        return new Holder(p.pid(), Host.NAME, Instant.now().toString(),
                p.info().startInstant().map(Instant::toString).orElse(null), Instant.now());
    }

    private static String format(Holder h) {
        return "pid=" + h.pid() + "\nhost=" + h.host() + "\nstarted=" + h.started() + "\n"
                + (h.processStart() == null ? "" : "process_start=" + h.processStart() + "\n");
    }

    private void heartbeat() {
        try {
            Holder h = read(file);
            if (h == null || h.pid() != me.pid() || !h.started().equals(me.started())) {
                System.err.println("distprop: warning: lost the record lock " + file + " (now " + (h == null ? "gone" : h.describe()) + ")");
                beat.cancel(false);
                return;
            }
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException | RuntimeException e) {
            System.err.println("distprop: warning: cannot refresh the record lock " + file + ": " + e.getMessage());
        }
    }

    public Path file() {
        return file;
    }

    /** Releases the lock (deletes the file if it is still this holder's). */
    @Override
    public void close() {
        beat.cancel(false);
        Holder h = read(file);
        if (h != null && h.pid() == me.pid() && h.started().equals(me.started())) {
            try {
                Files.deleteIfExists(file);
                if (createdDir) {
                    Files.delete(file.getParent()); // nothing was written (e.g. the data failed to load): leave no empty record
                }
            } catch (java.nio.file.DirectoryNotEmptyException written) {
                // the record is there
            } catch (IOException e) {
                System.err.println("distprop: warning: cannot remove the record lock " + file + ": " + e.getMessage());
            }
        }
    }

    /** This machine's name, read once (/proc first: InetAddress can stall on a misconfigured resolver). */
    private static final class Host {
        static final String NAME = find();

        private static String find() {
            try {
                String n = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
                if (!n.isEmpty()) {
                    return n;
                }
            } catch (IOException | RuntimeException ignored) {
                // not Linux
            }
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "unknown-host";
            }
        }
    }
}
