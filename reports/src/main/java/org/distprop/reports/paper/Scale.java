package org.distprop.reports.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.distprop.reports.store.RunInfo;

/**
 * Whether runs are at the paper's protocol, so that comparing them with the paper's numbers means
 * something. Reduced-scale runs (data subsets, another batch size, fewer steps) get a "reduced scale"
 * verdict with the reason, never a NOT REPRODUCED against a full-scale value.
 */
public final class Scale {
    public static final String REDUCED = "REDUCED SCALE";

    private Scale() {
    }

    /**
     * Why {@code runs} are not at the paper's data and batch size ({@code paperBatch}; <= 0 = any) and, when
     * {@code paperSteps} > 0, at its number of steps; null when they are (or when there are no runs).
     */
    public static String reducedBy(List<RunInfo> runs, long paperBatch, long paperSteps) {
        List<String> why = new ArrayList<>();
        for (RunInfo r : runs) {
            if (r.trainPerClass() > 0 || r.testPerClass() > 0) {
                add(why, String.format(Locale.ROOT, "data subset (%s train / %s test images per class)",
                        r.trainPerClass() > 0 ? r.trainPerClass() : "all", r.testPerClass() > 0 ? r.testPerClass() : "all"));
            }
            if (paperBatch > 0 && r.batchSize() != paperBatch) {
                add(why, "batch " + r.batchSize() + " (paper " + paperBatch + ")");
            }
            if (paperSteps > 0 && r.steps() < paperSteps) {
                add(why, String.format(Locale.ROOT, "%,d of the paper's %,d steps", r.steps(), paperSteps));
            }
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }

    private static void add(List<String> l, String s) {
        if (!l.contains(s)) {
            l.add(s);
        }
    }
}
