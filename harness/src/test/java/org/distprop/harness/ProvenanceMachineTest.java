package org.distprop.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceMachineTest {
    @Test
    void theSimdSubsetOfACpuinfoFlagsLineIsKeptSorted() {
        String flags = " fpu vme sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx2 f16c avx512f avx512bw avx512_bf16 avx amx_tile lm\n";
        assertEquals(List.of("amx_tile", "avx", "avx2", "avx512_bf16", "avx512bw", "avx512f", "f16c", "fma", "sse4_1", "sse4_2"),
                Provenance.simdFlags(flags));
        assertEquals(List.of(), Provenance.simdFlags("fpu vme sse2"));
    }

    @Test
    void runManifestsAndBenchmarksRecordTheSameMachine() {
        Map<String, Object> m = Provenance.machine();
        assertEquals(List.of("cpu", "cores", "cpu_simd"), List.copyOf(m.keySet()));
        Map<String, Object> p = Provenance.collect(1);
        m.forEach((k, v) -> assertEquals(v, p.get(k), "provenance." + k));
        assertTrue((Integer) m.get("cores") >= 1);
    }
}
