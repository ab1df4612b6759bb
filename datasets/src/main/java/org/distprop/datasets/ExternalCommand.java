package org.distprop.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs a helper program (npm, tar) and turns failures into one-line {@link DataException}s. */
final class ExternalCommand {
    private ExternalCommand() {
    }

    static void run(Path workDir, String fixHint, String... cmd) {
        Process p;
        try {
            p = new ProcessBuilder(List.of(cmd)).directory(workDir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new DataException("'" + cmd[0] + "' could not be started (" + e.getMessage() + "): " + fixHint);
        }
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int rc = p.waitFor();
            if (rc != 0) {
                String[] lines = out.split("\n");
                String last = lines.length == 0 ? "" : lines[lines.length - 1];
                for (String line : lines) { // npm puts the useful line first ("npm error code E404")
                    if (line.contains("ERR") || line.contains("error")) {
                        last = line.strip();
                        break;
                    }
                }
                throw new DataException("'" + String.join(" ", cmd) + "' failed (exit " + rc + ": " + last + "): " + fixHint);
            }
        } catch (IOException e) {
            throw new DataException("'" + cmd[0] + "' failed: " + e.getMessage() + ": " + fixHint);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException("interrupted while running " + cmd[0]);
        }
    }
}
