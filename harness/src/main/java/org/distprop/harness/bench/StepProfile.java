package org.distprop.harness.bench;

import java.util.HashMap;
import java.util.Map;
import org.distprop.datasets.Batch;
import org.distprop.datasets.Batcher;
import org.distprop.datasets.DataDir;
import org.distprop.datasets.Dataset;
import org.distprop.datasets.DatasetSpec;
import org.distprop.datasets.Prefetcher;
import org.distprop.methods.DatasetInfo;
import org.distprop.methods.Hyperparams;
import org.distprop.methods.MethodContext;
import org.distprop.methods.MethodFactory;
import org.distprop.methods.MethodRegistry;
import org.distprop.methods.TrainingMethod;
import org.distprop.methods.core.GraphMethod;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/**
 * Where a training step's time goes: ms/step of the step as a run does it (prefetched batch, tensor fill,
 * session run, metric read-out), of the bare session loop, and of batch assembly alone; then TF's per-op
 * step stats of traced steps, summed by op type. A diagnostic for speed work (issue: LeNet step), not a
 * benchmark of record: those are {@link StepBenchmark}'s paired numbers.
 *
 * <pre>java -cp ... org.distprop.harness.bench.StepProfile cifar10 sgd 1024 [k=v,k=v] [steps] [threads]</pre>
 */
public final class StepProfile {
    private StepProfile() {}

    /** The op type from the timeline label "name = Type(inputs)" (the node name when the label has none). */
    private static String opType(NodeExecStats n) {
        String l = n.getTimelineLabel();
        int eq = l.indexOf(" = ");
        if (eq < 0) {
            return n.getNodeName();
        }
        int paren = l.indexOf('(', eq);
        return l.substring(eq + 3, paren < 0 ? l.length() : paren);
    }

    public static void main(String[] args) {
        String dataset = args[0];
        String method = args[1];
        int batch = Integer.parseInt(args[2]);
        Map<String, String> overrides = StepBenchmark.overrides(args.length > 3 ? args[3] : "");
        int steps = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        Dataset data = DatasetSpec.load(dataset, DataDir.resolve(null));
        MethodFactory f = MethodRegistry.get(method);
        Hyperparams hp = Hyperparams.resolve(method, f.hyperparameters(dataset), overrides);
        Batcher batcher = new Batcher(data.train(), batch, 1L);
        // 100 warm-up batches: after 10, the fill loop was not yet compiled by C2 and CIFAR batch 1024 read
        // 23.6 ms against 7 ms warm, the speed the prefetch thread of a run has after its first seconds
        for (int i = 0; i < 100; i++) {
            batcher.batchAt(i);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            batcher.batchAt(i);
        }
        System.out.printf("batch assembly: %.2f ms/batch%n", (System.nanoTime() - t0) / 1e6 / steps);
        try (TrainingMethod m = f.create(new MethodContext(DatasetInfo.of(data), hp, 1L, threads));
                Prefetcher pf = new Prefetcher(batcher, 0, 2)) {
            for (int i = 0; i < 3; i++) {
                m.step(pf.next());
            }
            t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                m.step(pf.next());
            }
            System.out.printf("%s %s batch %d: step as run %.1f ms%n", dataset, method, batch, (System.nanoTime() - t0) / 1e6 / steps);
            if (!(m instanceof GraphMethod g)) {
                return;
            }
            Batch b = batcher.batchAt(0);
            Runnable bare = g.bareStep(b);
            for (int i = 0; i < 3; i++) {
                bare.run();
            }
            t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                bare.run();
            }
            System.out.printf("bare session loop %.1f ms%n", (System.nanoTime() - t0) / 1e6 / steps);
            Map<String, long[]> byType = new HashMap<>();
            int traced = 5;
            long wall = 0;
            for (int i = 0; i < traced; i++) {
                long s = System.nanoTime();
                RunMetadata md = g.traceStep(b);
                wall += System.nanoTime() - s;
                for (var dev : md.getStepStats().getDevStatsList()) {
                    for (NodeExecStats n : dev.getNodeStatsList()) {
                        String type = opType(n);
                        long[] acc = byType.computeIfAbsent(type, k -> new long[2]);
                        acc[0] += n.getAllEndRelMicros();
                        acc[1]++;
                    }
                }
            }
            long total = byType.values().stream().mapToLong(a -> a[0]).sum();
            System.out.printf("traced step wall %.1f ms; summed op time %.1f ms (ops overlap across threads)%n",
                    wall / 1e6 / traced, total / 1e3 / traced);
            final int n = traced;
            byType.entrySet().stream().sorted((a, c) -> Long.compare(c.getValue()[0], a.getValue()[0])).limit(30)
                    .forEach(e -> System.out.printf("  %-36s %8.2f ms %5.1f%% (%d nodes)%n", e.getKey(), e.getValue()[0] / 1e3 / n,
                            100.0 * e.getValue()[0] / total, e.getValue()[1] / n));
        }
    }
}
