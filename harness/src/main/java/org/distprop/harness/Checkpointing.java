package org.distprop.harness;

import java.util.function.BooleanSupplier;

/**
 * When a run checkpoints and whether it may resume; none of it changes results, so none of it is part
 * of the config hash.
 *
 * @param everySteps a checkpoint every N steps (0 = not by steps)
 * @param minutes    a checkpoint when this much wall time has passed since the last one (0 = not by time)
 * @param restart    ignore (and delete) an existing checkpoint: start at step 0
 * @param stop       polled after every step; true = checkpoint, mark the record interrupted and return
 */
public record Checkpointing(long everySteps, double minutes, boolean restart, BooleanSupplier stop) {
    /**
     * Default time interval. A checkpoint of ExtraProp's full-MNIST state tables (the largest CPU state)
     * costs well under a second (README "Checkpoints and resume"), so 10 minutes keeps the overhead far
     * below 2 % while a kill loses at most 10 minutes of work.
     */
    public static final double DEFAULT_MINUTES = 10;

    public static final Checkpointing DEFAULT = new Checkpointing(0, DEFAULT_MINUTES, false, StopSignal::requested);

    public Checkpointing {
        if (everySteps < 0) {
            throw new UserError("--checkpoint-every must be >= 0 (0 = only by time and at a stop), got " + everySteps);
        }
        if (!(minutes >= 0) || Double.isInfinite(minutes)) {
            throw new UserError("--checkpoint-minutes must be >= 0 (0 = only by steps and at a stop), got " + minutes);
        }
    }

    public Checkpointing(long everySteps, double minutes, boolean restart) {
        this(everySteps, minutes, restart, StopSignal::requested);
    }

    /** Whether a checkpoint is due after {@code stepsDone} steps, {@code sinceLastNanos} after the previous one. */
    boolean due(long stepsDone, long sinceLastNanos) {
        return (everySteps > 0 && stepsDone % everySteps == 0) || (minutes > 0 && sinceLastNanos >= minutes * 60e9);
    }
}
