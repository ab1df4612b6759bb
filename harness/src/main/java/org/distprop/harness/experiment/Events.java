package org.distprop.harness.experiment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.distprop.store.Status;

/**
 * Append-only log of what the runner did ({@code results/<experiment>/events.jsonl}): one line per
 * cell finish (and per cell skipped because another runner holds or finished it, with the reason),
 * with the runner's pid. It is an audit trail (e.g. "every cell ran to
 * completion exactly once across a kill and a rerun"); the run records remain the source of truth.
 */
public final class Events {
    private static final ObjectMapper LINE = new ObjectMapper();
    private final Path file;

    public Events(Path file) {
        this.file = file;
    }

    public void log(String event, Cell cell, Status status) {
        log(event, cell, status, null);
    }

    public synchronized void log(String event, Cell cell, Status status, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", Instant.now().toString());
        m.put("event", event);
        m.put("cell", cell.index());
        m.put("record", cell.record());
        if (status != null) {
            m.put("status", status.wire());
        }
        if (reason != null) {
            m.put("reason", reason);
        }
        m.put("runner_pid", ProcessHandle.current().pid());
        try {
            Files.createDirectories(file.getParent());
            byte[] line = (LINE.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ch.write(ByteBuffer.wrap(line));
            }
        } catch (IOException e) {
            System.err.println("distprop: warning: cannot append to " + file + ": " + e.getMessage());
        }
    }
}
