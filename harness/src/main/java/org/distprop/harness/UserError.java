package org.distprop.harness;

/** A mistake in the user's input or environment; shown as one line, exit code 2, no stack trace. */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
