package org.distprop.store;

/** The JMH results of {@code make bench} in a store: {@code <results>/bench/}. */
public final class BenchFiles {
    public static final String DIR = "bench";
    /** The TensorFlow environment the benchmark JVMs ran with: the same map as a run manifest's {@code provenance.env}. */
    public static final String TF_ENV = "tf-env.json";
    /** The machine the benchmark ran on: a run manifest's {@code provenance} cpu, cores and cpu_simd. */
    public static final String MACHINE = "machine.json";

    private BenchFiles() {
    }
}
