package org.distprop.harness.cli;

import picocli.CommandLine.Option;

/**
 * {@code --debug}, declared once and mixed into every command ({@code @Mixin}). No command reads the field:
 * {@link Main#execute} looks for the flag in the raw arguments, so it also shows the stack traces of errors
 * raised before a command's fields are set.
 */
public final class DebugOption {
    @Option(names = "--debug", description = "show stack traces of errors")
    boolean debug;
}
