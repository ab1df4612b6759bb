package org.distprop.harness.experiment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.distprop.harness.Json;
import org.distprop.harness.UserError;

/**
 * An expanded experiment: every cell in a fixed order, so that a cell is addressable by index from
 * another process ({@code run-cell --plan --index}, Slurm array tasks). Written as JSON next to the
 * results at {@link #file}, {@code <results>/<experiment>/plan-<profile>-<cells hash>.json}; record paths are relative
 * to the results root, which is the plan file's grandparent directory. The name holds a hash of the cells because a
 * worker or a Slurm task reads its plan when it starts, maybe hours after the runner wrote it: two specs of one
 * experiment name on one store (say a seed per spec) would otherwise overwrite each other's plan, and a task would
 * run another spec's cell under its index. The same spec and profile give the same cells and so the same file.
 *
 * @param timeLimit Slurm per-task limit (HH:MM:SS) or null
 * @param throttle  Slurm array throttle (max tasks running at once) or 0
 * @param sweepTrial the sweep trial number for a one-cell trial plan, else null
 */
public record Plan(String experiment, String spec, String profile, String timeLimit, int throttle, List<Cell> cells,
                   Integer sweepTrial) {

    /** Where this plan is written in the results store {@code resultsRoot}. */
    public Path file(Path resultsRoot) {
        return resultsRoot.resolve(experiment).resolve("plan-" + profile + "-" + org.distprop.harness.Json.hash(cells) + ".json");
    }

    /** Results root of a plan file written at its default place. */
    public static Path resultsRootOf(Path planFile) {
        Path abs = planFile.toAbsolutePath().normalize();
        return abs.getParent().getParent();
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // per-process temporary name: two runners sharing a results store write the same plan
            Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.writeString(tmp, Json.write(this) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserError("cannot write the plan " + file + " (" + e.getMessage() + ")");
        }
    }

    public static Plan read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("no plan file at " + file + "; 'distprop experiment <spec>' and 'distprop slurm <spec>' write plans");
        }
        try {
            Plan p = Json.MAPPER.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(file.toFile(), Plan.class);
            if (p.cells().stream().anyMatch(c -> c.run() == null)) { // plans before cells held a "run" object
                throw new UserError("the plan " + file + " was written by an older distprop (its cells have no \"run\");"
                        + " rerun 'distprop experiment' or 'distprop slurm' for its spec to rewrite it");
            }
            return p;
        } catch (IOException e) {
            throw new UserError("cannot read the plan " + file + ": " + e.getMessage());
        }
    }

    public Cell cell(int index) {
        if (index < 0 || index >= cells.size()) {
            throw new UserError("--index " + index + " is outside the plan's cells 0.." + (cells.size() - 1));
        }
        return cells.get(index);
    }
}
