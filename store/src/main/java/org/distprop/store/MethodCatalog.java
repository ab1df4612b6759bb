package org.distprop.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code <results>/methods.json}: how each method is shown (label, colour, rank), as the method registry of the
 * code that wrote the store declares it ({@code MethodFactory.presentation()}). The harness writes it into every
 * results root it writes to (merging, so methods of other builds stay); the reports read it, so they show a new
 * method by its declared label without depending on the methods' code. A store without it shows method names.
 */
public final class MethodCatalog {
    public static final String FILE = "methods.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * How a method is shown: {@code label} in legends and tables, {@code color} "#rrggbb" (null: the reports'
     * fallback colour), {@code rank}: tables and legends sort by it, then by name.
     */
    public record Entry(String label, String color, int rank) {
    }

    private MethodCatalog() {
    }

    /** The catalogue of the store at {@code results}, by method name; empty when the store has none (or it is unreadable). */
    public static Map<String, Entry> read(Path results) {
        Path f = results.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return Map.of();
        }
        try {
            return JSON.readValue(f.toFile(), new TypeReference<LinkedHashMap<String, Entry>>() {
            });
        } catch (IOException e) {
            System.err.println("distprop: warning: cannot read " + f + " (" + e.getMessage() + "); methods are shown by name");
            return Map.of();
        }
    }

    /** Adds (or updates) {@code entries} in the catalogue at {@code results}, replacing the file atomically. */
    public static void write(Path results, Map<String, Entry> entries) throws IOException {
        Map<String, Entry> all = new LinkedHashMap<>(read(results));
        all.putAll(entries);
        Map<String, Entry> sorted = new LinkedHashMap<>();
        all.entrySet().stream().sorted(Map.Entry.<String, Entry>comparingByValue(Comparator.comparingInt(Entry::rank))
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        Files.createDirectories(results);
        Path tmp = Files.createTempFile(results, FILE, ".tmp");
        try {
            Files.writeString(tmp, JSON.writeValueAsString(sorted) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, results.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
