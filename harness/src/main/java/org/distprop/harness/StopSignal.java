package org.distprop.harness;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM/SIGINT as a request, not an exit. The JVM's default handlers start a shutdown while a
 * TensorFlow step may be running in native code (oneDNN) and tear the process down around it, which
 * crashed the JVM; with these handlers installed a signal only sets a flag that the training loop reads
 * between steps, so the run finishes its step, checkpoints, marks its record interrupted and returns.
 * The same signal a second time stops the process at once (exit code of the signal); a different one does
 * not, because Ctrl-C reaches an experiment's workers twice: directly (process group) and forwarded as SIGTERM.
 * Installed only for the duration of a run (or an experiment), so other commands keep the usual behaviour.
 */
public final class StopSignal {
    private static volatile String pending;
    private static int installs;
    private static final List<Runnable> LISTENERS = new ArrayList<>();
    private static final List<Object[]> PREVIOUS = new ArrayList<>();

    private StopSignal() {
    }

    /**
     * Runs {@code body} with the handlers installed, from its first line to its last: a SIGTERM from then on stops
     * the run after its current step (the CLI commands that train wrap their whole work in this).
     */
    public static <T> T during(java.util.function.Supplier<T> body) {
        install();
        try {
            return body.get();
        } finally {
            uninstall();
        }
    }

    /** Installs the handlers (nested calls count); pair with {@link #uninstall()}. */
    public static synchronized void install() {
        if (installs++ > 0) {
            return;
        }
        pending = null;
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal s = new Signal(name);
                SignalHandler old = Signal.handle(s, StopSignal::onSignal);
                PREVIOUS.add(new Object[] {s, old});
            } catch (IllegalArgumentException e) {
                // signal not available on this platform (or already used by the JVM, e.g. with -Xrs): keep its default
            }
        }
    }

    public static synchronized void uninstall() {
        if (--installs > 0) {
            return;
        }
        for (Object[] p : PREVIOUS) {
            Signal.handle((Signal) p[0], (SignalHandler) p[1]);
        }
        PREVIOUS.clear();
        LISTENERS.clear();
    }

    private static void onSignal(Signal s) {
        if (s.getName().equals(pending)) {
            System.err.println("distprop: SIG" + s.getName() + " again; stopping now without a checkpoint");
            Runtime.getRuntime().halt(exitCode(s.getName()));
        }
        if (pending != null) {
            return; // already stopping
        }
        pending = s.getName();
        System.err.println("distprop: SIG" + s.getName() + " received; finishing the current step, then checkpointing and stopping"
                + " (send it again to stop at once)");
        List<Runnable> ls;
        synchronized (StopSignal.class) {
            ls = List.copyOf(LISTENERS);
        }
        ls.forEach(Runnable::run);
    }

    /** Called (on the signal thread) when a stop is requested, e.g. to forward it to worker processes. */
    public static synchronized void onStop(Runnable r) {
        LISTENERS.add(r);
    }

    /** Whether a stop was requested since the handlers were installed. */
    public static boolean requested() {
        return pending != null;
    }

    /** The pending signal's name ("TERM", "INT"), or null. */
    public static String signal() {
        return pending;
    }

    /** Requests a stop as if {@code name} had been received (tests). */
    static void request(String name) {
        pending = name;
    }

    /** Shell convention: 128 + signal number (TERM 143, INT 130). */
    public static int exitCode(String signal) {
        return "INT".equals(signal) ? 130 : 143;
    }
}
