package org.distprop.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceMachineTest {
    @Test
    void theSimdSubsetOfACpuinfoFlagsLineIsKeptSorted() {
        List<String> cpuinfo = List.of("processor\t: 0", "model name\t: AMD EPYC",
                "flags\t\t: fpu vme sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx2 f16c avx512f avx512bw avx512_bf16 avx amx_tile lm",
                "", "processor\t: 1", "flags\t\t: avx512_fp16");
        assertEquals(List.of("amx_tile", "avx", "avx2", "avx512_bf16", "avx512bw", "avx512f", "f16c", "fma", "sse4_1", "sse4_2"),
                Provenance.simdFlags(cpuinfo));
        assertEquals(List.of(), Provenance.simdFlags(List.of("flags\t\t: fpu vme sse2")));
        assertEquals(List.of(), Provenance.simdFlags(List.of()), "no /proc/cpuinfo");
        assertEquals("AMD EPYC", Provenance.cpuModel(cpuinfo));
    }

    @Test
    void theCpuIdIsTheFirstProcessorsFamilyModelSteppingAndCache() {
        List<String> cpuinfo = List.of("processor\t: 0", "vendor_id\t: AuthenticAMD", "cpu family\t: 26", "model\t\t: 2",
                "model name\t: AMD EPYC", "stepping\t: 1", "cache size\t: 1024 KB", "", "processor\t: 1", "cpu family\t: 99");
        assertEquals("family 26 model 2 stepping 1, cache 1024 KB", Provenance.cpuId(cpuinfo));
        assertEquals(null, Provenance.cpuId(List.of("processor\t: 0", "model name\t: ARM")));
    }

    @Test
    void runManifestsAndBenchmarksRecordTheSameMachine() {
        Map<String, Object> m = Provenance.machine();
        assertEquals(List.of("cpu", "cores", "cpu_id", "cpu_simd"), List.copyOf(m.keySet()));
        Map<String, Object> p = Provenance.collect(1);
        m.forEach((k, v) -> assertEquals(v, p.get(k), "provenance." + k));
        assertTrue((Integer) m.get("cores") >= 1);
    }
}
