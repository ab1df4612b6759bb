package org.distprop.harness;

import org.distprop.store.Status;

/**
 * The process exit codes of every command (what scripts and Slurm see): the CLI and the experiment
 * runner both use these, so the runner does not reach up into the CLI for them.
 */
public final class ExitCodes {
    /** Bad input: one {@code distprop: error:} line naming the problem and the fix. */
    public static final int USER_ERROR = 2;
    /** A run ended diverged or failed (or a cell of an experiment did). */
    public static final int RUN_FAILED = 3;

    private ExitCodes() {
    }

    /** Exit code of a command whose run ended with {@code status}: 0 ok, 143/130 interrupted by SIGTERM/SIGINT, else 3. */
    public static int of(Status status) {
        if (status == Status.OK) {
            return 0;
        }
        if (status == Status.INTERRUPTED) {
            return StopSignal.exitCode(StopSignal.signal());
        }
        return RUN_FAILED;
    }
}
