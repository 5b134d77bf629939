package com.doubletime.launcher;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * How every {@code ./double-time} subcommand reads its command line: the options are declared once with picocli
 * (name, value, default, description), so {@code --help} lists them all with their defaults and exits 0, an
 * unknown option is named as unknown, and a bad value names its option; both exit 2.
 */
final class Cli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final int USAGE_WIDTH = 110;
    private static final int LONG_OPTIONS_WIDTH = 30;
    /** What {@code ./double-time} is called in messages and help. */
    static final String LAUNCHER = "./double-time";

    private Cli() {}

    /** A bad command line, found after parsing (a value out of range, a path that cannot be used). */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** A parsed command line, or the exit code when there is nothing to run (help shown, or an error). */
    record Parsed<T>(T options, int exitCode) {
        boolean run() {
            return options != null;
        }
    }

    static CommandLine commandLine(Object options) {
        CommandLine line = new CommandLine(options)
                .setUsageHelpWidth(USAGE_WIDTH)
                .setUsageHelpLongOptionsMaxWidth(LONG_OPTIONS_WIDTH)
                .setOverwrittenOptionsAllowed(true); // the last of a repeated option wins, as in most tools
        return line.setCommandName(LAUNCHER + " " + line.getCommandName());
    }

    /** Parses {@code args} into {@code options}; help goes to {@code out}, errors to {@code err}. */
    static <T> Parsed<T> parse(T options, String[] args, PrintStream out, PrintStream err) {
        CommandLine line = commandLine(options);
        try {
            line.parseArgs(args);
        } catch (ParameterException e) {
            // an unknown option is the mistake to name, even when it also left a required option out
            for (String unmatched : line.getUnmatchedArguments()) {
                if (unmatched.startsWith("-")) {
                    return new Parsed<>(null, usageError(subcommand(line), "unknown option '" + unmatched + "'", err));
                }
            }
            return new Parsed<>(null, usageError(subcommand(line), message(e), err));
        }
        if (line.isUsageHelpRequested()) {
            line.usage(new PrintWriter(out, true, StandardCharsets.UTF_8));
            out.flush();
            return new Parsed<>(null, OK);
        }
        return new Parsed<>(options, OK);
    }

    private static String subcommand(CommandLine line) {
        return line.getCommandName().substring(LAUNCHER.length() + 1);
    }

    /** Prints {@code command: message} and where the options are listed; the usage exit code. */
    static int usageError(String command, String message, PrintStream err) {
        err.println(command + ": " + message);
        err.println("(" + LAUNCHER + " " + command + " --help lists every option)");
        return USAGE;
    }

    /** picocli's messages, in the words this launcher uses elsewhere. */
    private static String message(ParameterException e) {
        String message = e.getMessage();
        if (message.startsWith("Unknown option: ")) {
            return "unknown option " + message.substring("Unknown option: ".length());
        }
        if (message.startsWith("Unknown options: ")) {
            return "unknown options " + message.substring("Unknown options: ".length());
        }
        return message;
    }
}
