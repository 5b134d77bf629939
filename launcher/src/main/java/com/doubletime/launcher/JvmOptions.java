package com.doubletime.launcher;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of a command that starts one JVM per service ({@code cluster}, {@code soak}), and its help; mixed into
 * their command lines.
 */
final class JvmOptions {
    @Option(names = "--heap", paramLabel = "SIZE", description = "maximum heap of each JVM (-Xmx)")
    String heap = "256m";

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help and exit")
    boolean help;

    /** Each service's JVM options: small, quick to start, and gone on OutOfMemoryError for its supervisor to see. */
    List<String> serviceJvm() {
        return List.of(
                "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", ClusterLauncher.EXIT_ON_OUT_OF_MEMORY);
    }
}
