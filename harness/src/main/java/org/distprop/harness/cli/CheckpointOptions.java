package org.distprop.harness.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.distprop.harness.Checkpointing;
import picocli.CommandLine.Option;

/** Checkpoint and resume options shared by run, run-cell and experiment (which forwards them to its workers). */
public final class CheckpointOptions {
    @Option(names = "--checkpoint-every", defaultValue = "0", paramLabel = "STEPS",
            description = "also checkpoint every STEPS steps (0 = only by time and at a stop; default: ${DEFAULT-VALUE})")
    long everySteps;

    @Option(names = "--checkpoint-minutes", defaultValue = "10", paramLabel = "M",
            description = "checkpoint when M minutes passed since the last one (0 = off; default: ${DEFAULT-VALUE}). "
                    + "A run also checkpoints when stopped by SIGTERM/SIGINT, and a rerun resumes from the checkpoint.")
    double minutes;

    @Option(names = "--restart", description = "ignore and delete an existing checkpoint: start from step 0")
    boolean restart;

    public Checkpointing toCheckpointing() {
        return new Checkpointing(everySteps, minutes, restart);
    }

    /** The same options as command-line arguments (for worker processes). */
    public List<String> toArgs() {
        List<String> a = new ArrayList<>(List.of("--checkpoint-every", Long.toString(everySteps),
                "--checkpoint-minutes", String.format(Locale.ROOT, "%s", minutes)));
        if (restart) {
            a.add("--restart");
        }
        return a;
    }
}
