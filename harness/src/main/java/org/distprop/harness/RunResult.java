package org.distprop.harness;

import java.nio.file.Path;
import org.distprop.methods.Evaluation;
import org.distprop.store.Status;

/** Outcome of one run: status (ok | diverged | failed), where its record is, and the last evaluation. */
public record RunResult(Status status, String message, Path dir, Evaluation finalEval, double wallSeconds) {
}
