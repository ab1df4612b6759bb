package org.distprop.harness.yaml;

import org.distprop.harness.UserError;

/** A mistake in an experiment spec, reported as {@code file:line: key: message} before anything runs. */
public final class SpecError extends UserError {
    private final String file;
    private final int line;
    private final String key;

    public SpecError(String file, int line, String key, String message) {
        super(file + ":" + line + ": " + key + ": " + message);
        this.file = file;
        this.line = line;
        this.key = key;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String key() {
        return key;
    }
}
