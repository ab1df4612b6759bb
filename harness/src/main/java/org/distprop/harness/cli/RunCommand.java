package org.distprop.harness.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.distprop.harness.RunConfig;
import org.distprop.harness.RunResult;
import org.distprop.harness.RunSpec;
import org.distprop.harness.Runner;
import org.distprop.methods.MethodRegistry;
import org.distprop.store.Status;
import org.distprop.harness.StopSignal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train one method on one dataset and write its run record (manifest.json, trace.csv, eval.csv). "
                + "It checkpoints into the record folder (by time, --checkpoint-every, and on SIGTERM/SIGINT, which stop it with "
                + "status interrupted, exit 143/130); rerunning the same command resumes from the checkpoint, bit-identical on CPU.")
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--method", required = true, description = "training method: ${COMPLETION-CANDIDATES}",
            completionCandidates = MethodNames.class)
    String method;

    @Option(names = "--dataset", required = true,
            description = "dataset: mnist, cifar10, imagenet, imagenet-synthetic (random pixels, benchmarks only), idx:<dir>")
    String dataset;

    @Option(names = "--steps", required = true, description = "training iterations (minibatches)")
    long steps;

    @Option(names = "--batch-size", defaultValue = "64", description = "minibatch size (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--seed", defaultValue = "1", description = "run seed; every random thing derives from it (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--eval-every", defaultValue = "0",
            description = "evaluate on the test split every K steps; 0 = only at the end (default: ${DEFAULT-VALUE})")
    long evalEvery;

    @Option(names = "--eval-batch-size", defaultValue = "1000", description = "batch size for evaluation (default: ${DEFAULT-VALUE})")
    int evalBatchSize;

    @Option(names = "--lr", description = "the method's main learning rate (sgd: lr; Lagrangian methods: lr_theta)")
    Double lr;

    @Option(names = "--hp", description = "hyperparameter override KEY=VALUE, repeatable; 'distprop methods' lists them")
    Map<String, String> hp = new LinkedHashMap<>();

    @Option(names = "--train-per-class", defaultValue = "0", description = "use only the first N training examples per class (0 = all)")
    int trainPerClass;

    @Option(names = "--test-per-class", defaultValue = "0", description = "use only the first N test examples per class (0 = all)")
    int testPerClass;

    @Option(names = "--threads", defaultValue = "0",
            description = "TensorFlow intra/inter-op threads; 0 = one per core (default: ${DEFAULT-VALUE}). Bits depend on it.")
    int threads;

    @picocli.CommandLine.Mixin
    DataLocationOptions data = new DataLocationOptions();

    @Option(names = "--results", defaultValue = "results", description = "results store root, used when --out is not given (default: ${DEFAULT-VALUE})")
    Path results;

    @Option(names = "--out", description = "run record directory (default: <results>/runs/<dataset>/<method>/<config-hash>/seed-<seed>)")
    Path out;

    @Option(names = "--force", description = "overwrite a complete record at the output directory")
    boolean force;

    @picocli.CommandLine.Mixin
    CheckpointOptions checkpoints = new CheckpointOptions();

    @Option(names = "--quiet", description = "no progress output")
    boolean quiet;

    @picocli.CommandLine.Mixin
    DebugOption debugOption = new DebugOption();

    @Override
    public Integer call() {
        return StopSignal.during(this::runIt); // as early as possible: a SIGTERM from here on stops the run after its first step
    }

    private Integer runIt() {
        Map<String, String> overrides = new LinkedHashMap<>(hp);
        if (lr != null) {
            if (!(lr > 0)) {
                throw new org.distprop.harness.UserError("--lr must be > 0, got " + lr);
            }
            overrides.put(MethodRegistry.get(method).primaryLearningRate(), Double.toString(lr));
        }
        RunSpec run = new RunSpec("runs", dataset, method, overrides, steps, batchSize, evalEvery, evalBatchSize, seed,
                trainPerClass, testPerClass);
        RunConfig c = new RunConfig(run, threads, data.dataDir.get(), out != null ? out : Runner.defaultOut(results, run), force, data.cifarDir,
                data.imagenetDir);
        var ck = checkpoints.toCheckpointing(); // checks its values before any data loads
        RunResult r = Runner.run(c, List.of(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new)), quiet,
                Map.of(), ck);
        if (out == null) {
            org.distprop.harness.StoreCatalog.write(results);
        }
        if (r.finalEval() != null) {
            System.out.printf(java.util.Locale.ROOT, "%s %s seed %d: status %s, test top-1 %.4f top-5 %.4f loss %.4f (%d examples), %.1f s -> %s%n",
                    method, dataset, seed, r.status(), r.finalEval().top1(), r.finalEval().top5(), r.finalEval().loss(),
                    r.finalEval().count(), r.wallSeconds(), r.dir());
        } else {
            System.out.printf("%s %s seed %d: status %s -> %s%n", method, dataset, seed, r.status(), r.dir());
        }
        if (r.status() != Status.OK) {
            System.err.println("distprop: run " + r.status() + ": " + r.message());
            return org.distprop.harness.ExitCodes.of(r.status());
        }
        return 0;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Completion candidates for --method: the registry's names. */
    static final class MethodNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return MethodRegistry.names().iterator();
        }
    }
}
