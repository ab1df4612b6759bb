package org.distprop.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Where a result came from: code version, runtime, machine and TensorFlow settings. */
public final class Provenance {
    /** Versions filled in from pom.xml by the build (harness/src/main/resources-filtered). */
    private static final java.util.Properties BUILD = buildProperties();

    private Provenance() {
    }

    private static java.util.Properties buildProperties() {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = Provenance.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // recorded as null
        }
        return p;
    }

    /** The TensorFlow environment in effect ({@link TfEnvironment}) and the GPUs made visible: manifests' provenance.env, bench's tf-env.json. */
    public static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(TfEnvironment.inEffect());
        env.put("CUDA_VISIBLE_DEVICES", System.getenv("CUDA_VISIBLE_DEVICES"));
        return env;
    }

    public static Map<String, Object> collect(int threads) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("git_commit", git("rev-parse", "HEAD"));
        String status = git("status", "--porcelain", "--untracked-files=no");
        p.put("git_dirty", status == null ? null : !status.isBlank());
        p.put("java_version", System.getProperty("java.version"));
        p.put("java_vm", System.getProperty("java.vm.name"));
        p.put("tensorflow_version", tensorflowVersion());
        p.put("tensorflow_java_version", BUILD.getProperty("tensorflow_java_version"));
        p.put("native_classifier", nativeClassifier());
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        p.putAll(machine());
        p.put("gpus", gpuModels());
        p.put("tf_threads", threads);
        p.put("env", environment());
        p.put("jvm_args", ManagementFactory.getRuntimeMXBean().getInputArguments());
        return p;
    }

    /**
     * The CPU a run or benchmark ran on: model, cores, family/model/stepping and the vector-instruction flags oneDNN
     * dispatches on. Two machines with the same model string can differ in these, and with them the kernels and the
     * bits: a trace is bit-reproducible per machine, and absolute step times compare only within one machine.
     */
    public static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> cpuinfo = cpuinfo();
        m.put("cpu", cpuModel(cpuinfo));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu_id", cpuId(cpuinfo));
        m.put("cpu_simd", simdFlags(cpuinfo));
        return m;
    }

    /** /proc/cpuinfo's lines, empty where it is missing (not Linux). */
    private static List<String> cpuinfo() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The value of the first line starting with {@code key}, or null. */
    private static String field(List<String> cpuinfo, String key) {
        for (String line : cpuinfo) {
            if (line.startsWith(key) && line.indexOf(':') > 0) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return null;
    }

    /**
     * "family 26 model 2 stepping 1, cache 1024 KB" from /proc/cpuinfo's first processor: the generation behind a model
     * name such as "AMD EPYC" (family 25 is Zen 3/4, 26 Zen 5); null where /proc is missing.
     */
    static String cpuId(List<String> cpuinfo) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String line : cpuinfo) {
            if (line.isBlank()) {
                break; // the first processor only
            }
            int c = line.indexOf(':');
            if (c > 0) {
                f.putIfAbsent(line.substring(0, c).strip(), line.substring(c + 1).strip());
            }
        }
        if (!f.containsKey("cpu family")) {
            return null;
        }
        return "family " + f.get("cpu family") + " model " + f.getOrDefault("model", "?") + " stepping " + f.getOrDefault("stepping", "?")
                + (f.containsKey("cache size") ? ", cache " + f.get("cache size") : "");
    }

    /** The SSE4/AVX/FMA/AMX flags of the first processor's flags line, sorted; empty without one. */
    static List<String> simdFlags(List<String> cpuinfo) {
        String flags = field(cpuinfo, "flags");
        if (flags == null) {
            return List.of();
        }
        return java.util.Arrays.stream(flags.split("\\s+")).filter(f -> f.matches("sse4_[12]|avx.*|fma|f16c|amx.*"))
                .sorted().toList();
    }

    /** Peak resident set size of this process in bytes (VmHWM), or -1 where /proc is missing. */
    public static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024L;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return -1;
    }

    static String tensorflowVersion() {
        try {
            return org.tensorflow.TensorFlow.version();
        } catch (Throwable t) {
            return null;
        }
    }

    /** Which native TensorFlow jar is on the class path (CPU or GPU build). */
    static String nativeClassifier() {
        String cp = System.getProperty("java.class.path", "");
        for (String e : cp.split(java.io.File.pathSeparator)) {
            String f = Paths.get(e).getFileName() == null ? "" : Paths.get(e).getFileName().toString();
            if (f.startsWith("tensorflow-core-native") && f.contains("linux")) {
                return f.replaceFirst("^tensorflow-core-native-[0-9.]+-", "").replace(".jar", "");
            }
        }
        return null;
    }

    static String cpuModel(List<String> cpuinfo) {
        String model = field(cpuinfo, "model name");
        return model != null ? model : System.getProperty("os.arch");
    }

    /** NVIDIA GPUs the driver reports (/proc/driver/nvidia), empty on CPU-only machines. */
    static List<String> gpuModels() {
        List<String> out = new java.util.ArrayList<>();
        Path dir = Path.of("/proc/driver/nvidia/gpus");
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (var s = Files.list(dir)) {
            for (Path g : s.sorted().toList()) {
                for (String line : Files.readAllLines(g.resolve("information"), StandardCharsets.UTF_8)) {
                    if (line.startsWith("Model:")) {
                        out.add(line.substring(6).strip());
                    }
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // unreadable: report what was found
        }
        return out;
    }

    static String git(String... args) {
        try {
            List<String> cmd = new java.util.ArrayList<>(List.of("git"));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
