package org.distprop.reports.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.distprop.reports.store.ResultsStore;

/**
 * The paper's claims, from the one checked-in claims file (src/main/resources/.../paper-claims.json):
 * Table 1 cells with the rule and tolerance of their verdicts, directional claims, and the literature
 * rows (numbers the paper copied from other papers: shown with their source, never given a verdict).
 */
public record Claims(String source, String experiment, String verdictRule, double tolerance, String toleranceNote,
                     String directionalRule, double alpha, List<Cell> cells, List<Directional> directional,
                     Map<String, Protocol> protocol, List<Literature> literature, String literatureNote) {
    public static final String RESOURCE = "/org/distprop/reports/paper-claims.json";

    /**
     * One Table 1 value. {@code method} is the configuration the paper's number came from (the as-run one);
     * {@code asDescribed}, when not empty, the configuration of the same method that runs the paper's
     * equations, shown beside it for reference.
     */
    public record Cell(String dataset, String method, String asDescribed, String metric, double paperAccuracy, String paperDefect,
                       String note) {
    }

    /** The paper's protocol for a dataset: batch size (0 = unknown) and steps; runs below it are reduced scale. */
    public record Protocol(long batchSize, long steps, String note) {
    }

    /** The protocol of {@code dataset}, or one that accepts anything. */
    public Protocol protocolOf(String dataset) {
        return protocol.getOrDefault(dataset, new Protocol(0, 0, ""));
    }

    /**
     * A literature row: {@code label} (the reference's method and paper), its {@code accuracy}, its {@code source},
     * and {@code ours}, the methods whose runs are shown under it as new measurements.
     */
    public record Literature(String dataset, String label, String metric, double accuracy, List<String> ours, String source) {
    }

    public record Directional(String dataset, String metric, String better, String worse, String source) {
    }

    /** The checked-in claims, or {@code file} when given. */
    public static Claims load(Path file) {
        try (InputStream in = file == null ? Claims.class.getResourceAsStream(RESOURCE) : Files.newInputStream(file)) {
            if (in == null) {
                throw new IllegalStateException("claims resource " + RESOURCE + " missing from the class path");
            }
            JsonNode n = ResultsStore.JSON.readTree(in);
            List<Cell> cells = new ArrayList<>();
            for (JsonNode c : n.path("cells")) {
                cells.add(new Cell(c.path("dataset").asText(), c.path("method").asText(), c.path("as_described").asText(""),
                        c.path("metric").asText("top1"),
                        c.path("paper_accuracy").asDouble(Double.NaN), c.path("paper_defect").asText(""), c.path("note").asText("")));
            }
            List<Directional> dir = new ArrayList<>();
            for (JsonNode d : n.path("directional")) {
                dir.add(new Directional(d.path("dataset").asText(), d.path("metric").asText("top1"), d.path("better").asText(),
                        d.path("worse").asText(), d.path("source").asText("")));
            }
            Map<String, Protocol> protocol = new LinkedHashMap<>();
            n.path("protocol").fields().forEachRemaining(e -> protocol.put(e.getKey(), new Protocol(e.getValue().path("batch_size").asLong(0),
                    e.getValue().path("steps").asLong(0), e.getValue().path("note").asText(""))));
            List<Literature> lit = new ArrayList<>();
            for (JsonNode l : n.path("literature")) {
                List<String> ours = new ArrayList<>();
                l.path("ours").forEach(o -> ours.add(o.asText()));
                lit.add(new Literature(l.path("dataset").asText(), l.path("label").asText(), l.path("metric").asText("top1"),
                        l.path("accuracy").asDouble(Double.NaN), List.copyOf(ours), l.path("source").asText("")));
            }
            return new Claims(n.path("source").asText(), n.path("experiment").asText("table1"), n.path("verdict_rule").asText(),
                    n.path("tolerance").asDouble(), n.path("tolerance_note").asText(""), n.path("directional_rule").asText(),
                    n.path("alpha").asDouble(0.05), cells, dir, protocol, lit, n.path("literature_note").asText(""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read claims file " + (file == null ? RESOURCE : file), e);
        }
    }
}
