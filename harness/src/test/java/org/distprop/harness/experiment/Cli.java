package org.distprop.harness.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.distprop.harness.Json;

/** Test helpers: the CLI as a real child process, and reading a results store. */
final class Cli {
    private Cli() {
    }

    static Process start(Path log, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(WorkerPool.workerCommand(List.of(args))).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        org.distprop.harness.TfEnvironment.applyTo(pb.environment());
        return pb.start();
    }

    static int run(Path log, long timeoutSeconds, String... args) throws Exception {
        Process p = start(log, args);
        if (!p.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("timed out after " + timeoutSeconds + " s: " + String.join(" ", args) + "\n" + Files.readString(log));
        }
        return p.exitValue();
    }

    static Path resource(String name) throws Exception {
        return Path.of(Cli.class.getClassLoader().getResource(name).toURI());
    }

    static List<Path> manifests(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals("manifest.json")).sorted().toList();
        }
    }

    static JsonNode json(Path p) {
        try {
            return Json.MAPPER.readTree(p.toFile());
        } catch (IOException e) {
            return null; // being replaced right now
        }
    }

    static List<JsonNode> lines(Path jsonl) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (Files.isRegularFile(jsonl)) {
            for (String l : Files.readAllLines(jsonl)) {
                if (!l.isBlank()) {
                    out.add(Json.MAPPER.readTree(l));
                }
            }
        }
        return out;
    }

    static List<Path> partials(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".partial")).toList();
        }
    }
}
