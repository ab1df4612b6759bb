package org.distprop.reports.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.distprop.store.RecordFiles;
import org.distprop.store.Status;

/**
 * The results store read-only: every run record (a directory holding manifest.json) under
 * results/, optionally restricted to one scale profile. Every ok record is checked ({@link RecordCheck});
 * records whose manifest cannot be parsed and damaged ok records are listed in {@link #skipped} with
 * the reason, so that the report names them instead of silently dropping them. Damaged records stay
 * in their cells as not ok, so tables and figures list them among the runs not averaged in.
 */
public final class ResultsStore {
    public static final ObjectMapper JSON = new ObjectMapper();
    /** The store's root when no --results is given (the CLI's and Makefile's default). */
    public static final Path DEFAULT_ROOT = Path.of("results");

    private final Path root;
    private final List<RunInfo> records;
    private final List<String> skipped;

    private ResultsStore(Path root, List<RunInfo> records, List<String> skipped) {
        this.root = root;
        this.records = records;
        this.skipped = skipped;
    }

    /**
     * Reads every manifest under {@code root}, skipping {@code exclude} (the report's own output
     * directory); when {@code profile} is non-null, records of other profiles are dropped (records
     * without a profile key are kept: they predate profiles).
     */
    public static ResultsStore open(Path root, String profile, Path exclude) {
        List<RunInfo> recs = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> s = Files.walk(root)) {
                List<Path> manifests = s.filter(p -> p.getFileName().toString().equals(RecordFiles.MANIFEST))
                        .filter(p -> exclude == null || !p.toAbsolutePath().normalize().startsWith(exclude.toAbsolutePath().normalize()))
                        .sorted().toList();
                for (Path m : manifests) {
                    String rel = root.relativize(m.getParent()).toString();
                    try {
                        JsonNode n = JSON.readTree(m.toFile());
                        if (n == null || !n.isObject()) {
                            throw new IOException("not a JSON object");
                        }
                        RunInfo r = new RunInfo(m.getParent(), rel, n);
                        if (profile == null || r.profile() == null || profile.equals(r.profile())) {
                            String damage = Status.OK.is(r.status()) ? RecordCheck.damage(r.dir(), r.steps()) : null;
                            if (damage != null) {
                                r = new RunInfo(r.dir(), rel, n, damage);
                                bad.add(rel + ": " + damage);
                            }
                            recs.add(r);
                        }
                    } catch (IOException e) {
                        String damage = RecordFiles.MANIFEST + " does not parse ("
                                + String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable") + ")";
                        bad.add(rel + ": " + damage);
                        // kept in its cell (dataset, method, config and seed from the record's path) so tables list it
                        recs.add(new RunInfo(m.getParent(), rel, JSON.createObjectNode(), damage));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ResultsStore(root, recs, bad);
    }

    public static boolean isDefaultRoot(Path results) {
        return results.normalize().equals(DEFAULT_ROOT);
    }

    public Path root() {
        return root;
    }

    public List<RunInfo> all() {
        return records;
    }

    /** "relative/dir: reason" for every record not used: unparsable manifests, damaged ok records. */
    public List<String> skipped() {
        return skipped;
    }

    public List<RunInfo> experiment(String experiment) {
        return records.stream().filter(r -> experiment.equals(r.experiment())).toList();
    }

    /** Profiles named by the records, most records first (used when no --profile is given). */
    public static List<String> profiles(List<RunInfo> recs) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RunInfo r : recs) {
            if (r.profile() != null) {
                counts.merge(r.profile(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
    }

    /**
     * The cells of one experiment: (dataset, method) -> the records of its chosen configuration. A
     * cell can hold several configurations (a spec edited between runs); the one with the most ok
     * seeds wins (ties: the most recently finished) and the others are reported as superseded.
     */
    public static Map<String, Map<String, Cell>> cells(List<RunInfo> recs) {
        Map<String, Map<String, Map<String, List<RunInfo>>>> byKey = new LinkedHashMap<>();
        for (RunInfo r : recs) {
            byKey.computeIfAbsent(r.dataset(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.method(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.configHash(), k -> new ArrayList<>()).add(r);
        }
        Map<String, Map<String, Cell>> out = new LinkedHashMap<>();
        byKey.forEach((ds, methods) -> methods.forEach((m, configs) -> {
            List<List<RunInfo>> ranked = new ArrayList<>(configs.values());
            ranked.sort(Comparator.<List<RunInfo>>comparingLong(l -> l.stream().filter(RunInfo::ok).count())
                    .thenComparing(l -> l.stream().map(RunInfo::finished).max(String::compareTo).orElse(""))
                    .reversed());
            List<RunInfo> chosen = new ArrayList<>(ranked.get(0));
            chosen.sort(Comparator.comparingLong(RunInfo::seed));
            List<RunInfo> superseded = ranked.stream().skip(1).flatMap(List::stream).toList();
            out.computeIfAbsent(ds, k -> new LinkedHashMap<>()).put(m, new Cell(ds, m, chosen, superseded));
        }));
        return out;
    }

    /** All records of one (dataset, method) in the chosen configuration, ok and not. */
    public record Cell(String dataset, String method, List<RunInfo> runs, List<RunInfo> superseded) {
        public List<RunInfo> ok() {
            return runs.stream().filter(RunInfo::ok).toList();
        }

        /** Runs that are not averaged in (diverged, failed, timeout, running) - always listed. */
        public List<RunInfo> excluded() {
            return runs.stream().filter(r -> !r.ok()).toList();
        }

        public long count(String status) {
            return runs.stream().filter(r -> status.equals(r.status())).count();
        }
    }
}
