package org.distprop.harness;

import java.nio.file.Path;
import org.distprop.store.RecordFiles;
import org.distprop.store.RecordLock;

/**
 * A run whose record directory is not this process's to write: another live runner holds its lock,
 * or it already holds a complete record. {@code distprop run} reports it as bad input (exit 2);
 * {@code run-cell} skips the cell.
 */
public final class RecordUnavailable extends UserError {
    private RecordUnavailable(String message) {
        super(message);
    }

    static RecordUnavailable held(Path dir) {
        String who = RecordLock.holder(dir).map(RecordLock.Holder::describe).orElse("another runner");
        return new RecordUnavailable(dir + " is being written by " + who + " (lock " + dir.resolve(RecordFiles.LOCK)
                + "); wait for it to finish or choose another --out");
    }

    static RecordUnavailable complete(Path dir) {
        return new RecordUnavailable(dir + " already holds a complete run record; pass --force to overwrite it or choose another --out");
    }
}
