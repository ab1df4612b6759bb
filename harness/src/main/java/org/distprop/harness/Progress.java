package org.distprop.harness;

import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work: a progress bar with ETA on a terminal, and plain periodic lines (every 10 %
 * or 30 s) otherwise, so logs of batch jobs stay readable.
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;
    private final String task;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long lastLineNanos = System.nanoTime();
    private long lastLinePct = -1;
    private long done;
    private String extra = "";

    public Progress(String task, long total, boolean quiet) {
        this.task = task;
        this.total = total;
        boolean tty = System.console() != null && !quiet;
        this.bar = tty ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500).setMaxRenderedLength(120).build() : null;
        if (bar == null && quiet) {
            lastLinePct = Long.MAX_VALUE; // no lines at all
        }
    }

    public void step(long n, String message) {
        done += n;
        extra = message;
        if (bar != null) {
            bar.stepBy(n);
            bar.setExtraMessage(message);
            return;
        }
        long pct = total == 0 ? 100 : done * 100 / total;
        long now = System.nanoTime();
        if (lastLinePct == Long.MAX_VALUE) {
            return;
        }
        if (pct / 10 > lastLinePct / 10 || now - lastLineNanos > 30e9 || done == total) {
            lastLinePct = pct;
            lastLineNanos = now;
            System.err.println(line());
        }
    }

    String line() {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double eta = done == 0 ? Double.NaN : elapsed * (total - done) / done;
        return String.format(java.util.Locale.ROOT, "%s: %d/%d (%d%%) elapsed %s eta %s %s", task, done, total,
                total == 0 ? 100 : done * 100 / total, fmt(elapsed), Double.isNaN(eta) ? "?" : fmt(eta), extra);
    }

    /** h:mm:ss, for estimates printed elsewhere. */
    public static String fmtSeconds(double seconds) {
        return fmt(seconds);
    }

    static String fmt(double seconds) {
        Duration d = Duration.ofMillis((long) (seconds * 1000));
        return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
