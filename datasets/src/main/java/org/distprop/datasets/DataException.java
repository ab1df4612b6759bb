package org.distprop.datasets;

/**
 * A problem with data the user can fix (missing file, bad checksum, failed fetch). The message is
 * one line that names the problem and the fix; callers show it without a stack trace.
 */
public class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
