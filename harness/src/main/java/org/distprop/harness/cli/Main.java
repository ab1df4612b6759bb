package org.distprop.harness.cli;

import java.io.PrintWriter;
import org.distprop.datasets.DataException;
import org.distprop.harness.ExitCodes;
import org.distprop.harness.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code distprop} command. Bad input → one line on stderr and exit code 2; no stack trace unless --debug. */
@Command(name = "distprop", mixinStandardHelpOptions = true, version = "distprop 0.1.0",
        description = "Reproduction of DistProp (Lagrangian training via distributional approximation) and a benchmark "
                + "of constrained and biologically-motivated training methods.",
        subcommands = {RunCommand.class, ExperimentCommand.class, RunCellCommand.class, SlurmCommand.class, DataCommand.class,
                MethodsCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** {@link ExitCodes#USER_ERROR} (the name tests and callers of {@link #execute} use). */
    public static final int EXIT_USER_ERROR = ExitCodes.USER_ERROR;
    public static final int EXIT_RUN_FAILED = ExitCodes.RUN_FAILED;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug") || "1".equals(System.getenv("DISTPROP_DEBUG"));
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("distprop: error: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return EXIT_USER_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            PrintWriter err = c.getErr();
            if (debug) {
                ex.printStackTrace(err);
            }
            if (ex instanceof UserError || ex instanceof DataException || ex instanceof IllegalArgumentException) {
                err.println("distprop: error: " + ex.getMessage());
                return EXIT_USER_ERROR;
            }
            err.println("distprop: internal error: " + ex + (debug ? "" : " (rerun with --debug for the stack trace)"));
            return 1;
        });
        return cl.execute(args);
    }
}
