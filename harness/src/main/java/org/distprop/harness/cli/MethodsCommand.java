package org.distprop.harness.cli;

import java.util.concurrent.Callable;
import org.distprop.methods.HyperParam;
import org.distprop.methods.MethodFactory;
import org.distprop.methods.MethodRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "methods", mixinStandardHelpOptions = true,
        description = "List the training methods and their hyperparameters with defaults for a dataset.")
public final class MethodsCommand implements Callable<Integer> {
    @Option(names = "--dataset", defaultValue = "mnist", description = "show defaults for this dataset (default: ${DEFAULT-VALUE})")
    String dataset;

    @Override
    public Integer call() {
        for (String name : MethodRegistry.names()) {
            MethodFactory f = MethodRegistry.get(name);
            System.out.printf("%s: %s%n", name, f.description());
            for (HyperParam p : f.hyperparameters(dataset)) {
                System.out.printf("    %-22s %-14s %s%n", p.name(), p.defaultValue(), p.help());
            }
        }
        return 0;
    }
}
