package org.distprop.store;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The one status vocabulary of the results store. A record's {@code manifest.json} "status" is one of
 * the first five (its {@link #wire} string); the runner reports {@link #CRASHED} for a cell whose
 * worker ended without a finished record. Everything that writes, compares or prints a status uses
 * this type, never a string literal.
 */
public enum Status {
    /** The writer is (or was, if it was killed) training; the record's CSVs are still {@code *.partial}. */
    RUNNING("running", false),
    /** Trained to the last step and evaluated: the only status whose metrics are averaged into results. */
    OK("ok", true),
    /** Stopped because a loss or Lagrangian went non-finite; a result of the method (a sweep counts it worst). */
    DIVERGED("diverged", true),
    /** Stopped by an error of the run itself (message in the manifest). */
    FAILED("failed", true),
    /** Stopped on request (SIGTERM/SIGINT) before the last step; the record can be resumed. */
    INTERRUPTED("interrupted", false),
    /** Runner-side only: the worker exited while its record still said running (or left none). */
    CRASHED("crashed", false);

    private final String wire;
    private final boolean finished;

    Status(String wire, boolean finished) {
        this.wire = wire;
        this.finished = finished;
    }

    /** The string written in manifests, events and sweep histories. */
    public String wire() {
        return wire;
    }

    /**
     * A finished result: the writer ended the record on purpose and its trace.csv and eval.csv are in
     * place (ok, diverged, failed). Running, interrupted and crashed records are unfinished.
     */
    public boolean finished() {
        return finished;
    }

    /** Whether {@code wire} (e.g. a manifest's "status" value, may be null) names this status. */
    public boolean is(String wire) {
        return this.wire.equals(wire);
    }

    /** The status whose wire string is {@code wire}, or null for null or an unknown string. */
    public static Status of(String wire) {
        for (Status s : values()) {
            if (s.wire.equals(wire)) {
                return s;
            }
        }
        return null;
    }

    /** "running | ok | diverged | failed | interrupted | crashed", for help texts and docs. */
    public static String vocabulary() {
        return Arrays.stream(values()).map(Status::wire).collect(Collectors.joining(" | "));
    }

    @Override
    public String toString() {
        return wire;
    }
}
