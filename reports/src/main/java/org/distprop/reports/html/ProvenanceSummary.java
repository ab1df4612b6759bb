package org.distprop.reports.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.distprop.reports.store.RunInfo;
import org.distprop.store.Manifest;

/** What produced the results: counts per experiment and status, code versions, runtimes, machines. */
public final class ProvenanceSummary {
    private ProvenanceSummary() {
    }

    /** Label -> value lines, ready for a definition list. */
    public static Map<String, String> of(List<RunInfo> records) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        Map<String, Map<String, Integer>> byExp = new TreeMap<>();
        for (RunInfo r : records) {
            byExp.computeIfAbsent(r.experiment(), k -> new TreeMap<>()).merge(r.shownStatus(), 1, Integer::sum);
        }
        List<String> exp = new ArrayList<>();
        byExp.forEach((e, st) -> exp.add(e + ": " + st.entrySet().stream().map(x -> x.getValue() + " " + x.getKey()).toList()));
        out.put("run records", records.size() + (exp.isEmpty() ? "" : " (" + String.join("; ", exp) + ")"));
        out.put("git commits", distinct(records, r -> {
            JsonNode p = r.manifest().path(Manifest.PROVENANCE);
            String c = p.path("git_commit").asText("unknown");
            return (c.length() > 12 ? c.substring(0, 12) : c) + (p.path("git_dirty").asBoolean(false) ? " (dirty tree)" : "");
        }));
        out.put("Java", distinct(records, r -> r.manifest().path(Manifest.PROVENANCE).path("java_version").asText("?") + " "
                + r.manifest().path(Manifest.PROVENANCE).path("java_vm").asText("")));
        out.put("TensorFlow", distinct(records, r -> r.manifest().path(Manifest.PROVENANCE).path("tensorflow_version").asText("?") + " (TF Java "
                + r.manifest().path(Manifest.PROVENANCE).path("tensorflow_java_version").asText("?") + ", "
                + r.manifest().path(Manifest.PROVENANCE).path("native_classifier").asText("?") + ")"));
        // cpu_id (family/model/stepping) tells apart machines of one model name, whose bits and speeds differ
        out.put("machines", distinct(records, r -> r.manifest().path(Manifest.PROVENANCE).path("cpu").asText("?")
                + (r.manifest().path(Manifest.PROVENANCE).path("cpu_id").isTextual()
                        ? " (" + r.manifest().path(Manifest.PROVENANCE).path("cpu_id").asText() + ")" : "") + ", "
                + r.manifest().path(Manifest.PROVENANCE).path("cores").asText("?") + " cores, "
                + r.manifest().path(Manifest.PROVENANCE).path("os").asText("?")));
        out.put("TF environment", distinct(records, r -> r.manifest().path(Manifest.PROVENANCE).path("env").toString()));
        out.put("data sources", distinct(records, r -> r.dataset() + ": " + r.manifest().path(Manifest.DATA).path("source").asText("?")));
        String first = records.stream().map(r -> r.manifest().path(Manifest.STARTED).asText("")).filter(s -> !s.isEmpty()).min(String::compareTo).orElse("?");
        String last = records.stream().map(RunInfo::finished).filter(s -> !s.isEmpty()).max(String::compareTo).orElse("?");
        out.put("run period", first + " .. " + last);
        double wall = records.stream().mapToDouble(r -> r.manifest().path(Manifest.WALL_SECONDS).asDouble(0)).sum();
        out.put("total run wall time", String.format(java.util.Locale.ROOT, "%.1f min (sum over runs)", wall / 60));
        return out;
    }

    private static String distinct(List<RunInfo> records, java.util.function.Function<RunInfo, String> f) {
        Map<String, Integer> c = new TreeMap<>();
        records.forEach(r -> c.merge(f.apply(r), 1, Integer::sum));
        return String.join("; ", c.entrySet().stream().map(e -> e.getKey() + " [" + e.getValue() + " runs]").toList());
    }
}
