package org.distprop.harness.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.distprop.harness.UserError;
import org.distprop.store.SweepLog;

/**
 * A sweep's append-only history ({@code results/<experiment>/sweep/history.jsonl}, format and reader:
 * {@link SweepLog}), as the sweep runner uses it: what is on disk is what an interrupted sweep resumes from,
 * and a damaged file is a user error naming the fix.
 */
public final class SweepHistory {
    private final Path file;

    public SweepHistory(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public List<Trial> read() {
        try {
            return SweepLog.read(file).stream().map(l -> new Trial(l.trial(), l.params(), l.objective(), l.status(), l.record())).toList();
        } catch (SweepLog.Damaged e) {
            throw new UserError(e.getMessage() + "; the history was edited or damaged; move it away to restart the sweep");
        } catch (IOException e) {
            throw new UserError("cannot read the sweep history " + file + ": " + e.getMessage());
        }
    }

    public void append(Trial t) {
        try {
            SweepLog.append(file, new SweepLog.Line(t.trial(), t.params(), t.objective(), t.status(), t.record()));
        } catch (IOException e) {
            throw new UserError("cannot append to the sweep history " + file + ": " + e.getMessage());
        }
    }
}
