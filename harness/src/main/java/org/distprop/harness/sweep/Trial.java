package org.distprop.harness.sweep;

import java.util.Map;
import org.distprop.store.Status;

/**
 * One line of a sweep's append-only history: the trial number, its parameters, the objective (null
 * for a failed or diverged trial), the run status and the run record (relative to the results root).
 */
public record Trial(int trial, Map<String, String> params, Double objective, String status, String record) {
    public boolean ok() {
        return Status.OK.is(status) && objective != null && Double.isFinite(objective);
    }
}
