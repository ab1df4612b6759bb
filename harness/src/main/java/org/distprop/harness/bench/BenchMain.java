package org.distprop.harness.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.distprop.harness.Json;
import org.distprop.harness.Provenance;
import org.distprop.methods.MethodFactory;
import org.distprop.methods.MethodRegistry;
import org.distprop.methods.VariantFactory;
import org.distprop.store.BenchFiles;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code make bench}'s JMH entry point: {@code org.openjdk.jmh.Main}'s command line, plus {@link StepBenchmark}'s
 * {@code method} list from the method registry (every registered method except the {@link VariantFactory}
 * configurations, which run another method's code; {@code -p method=a,b} chooses others), and the TensorFlow
 * environment of the run written beside its results ({@link BenchFiles#TF_ENV}; the forks inherit it), and the machine
 * ({@link BenchFiles#MACHINE}): step times compare only within one machine.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** The methods {@code make bench} times: the registry's, without the variants. */
    public static List<String> benchmarkedMethods() {
        return MethodRegistry.factories().stream().filter(f -> !(f instanceof VariantFactory)).map(MethodFactory::name).toList();
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        if (cli.shouldHelp() || cli.shouldList() || cli.shouldListWithParams() || cli.shouldListProfilers() || cli.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        ChainedOptionsBuilder b = new OptionsBuilder().parent(cli);
        if (!cli.getParameter("method").hasValue()) {
            b.param("method", benchmarkedMethods().toArray(String[]::new));
        }
        if (cli.getResult().hasValue()) {
            Path dir = Path.of(cli.getResult().get()).toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(BenchFiles.TF_ENV), Json.write(Provenance.environment()) + "\n");
            Files.writeString(dir.resolve(BenchFiles.MACHINE), Json.write(Provenance.machine()) + "\n");
        }
        System.out.println("distprop bench: TF environment " + Provenance.environment() + ", machine " + Provenance.machine());
        new Runner(b.build()).run();
    }
}
