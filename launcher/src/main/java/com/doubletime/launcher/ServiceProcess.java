package com.doubletime.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service of the chaos soak's cluster as a process that can be killed, frozen and started again: each start
 * appends to the same log. Signals go through {@code kill(1)}: the JDK can send SIGKILL and SIGTERM only.
 */
final class ServiceProcess {
    private static final long SIGNAL_WAIT_SECONDS = 10;

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private boolean frozen;

    ServiceProcess(String name, List<String> command, Map<String, String> environment, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    /** {@code java <jvmOptions>}, the JVM this one runs on. */
    static List<String> java(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        return command;
    }

    /** {@code java <jvmOptions> -cp <this JVM's class path> <mainClass>}: a service run from this JVM's classes. */
    static List<String> javaMain(List<String> jvmOptions, String mainClass) {
        List<String> command = java(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        return command;
    }

    String name() {
        return name;
    }

    synchronized void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the layered options read these: the operator's shell must not reconfigure the soak's services
        builder.environment().keySet().removeIf(key -> key.startsWith("DT_") || key.startsWith("EXECUTOR_"));
        builder.environment().putAll(environment);
        process = builder.start();
        frozen = false;
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    synchronized boolean frozen() {
        return frozen;
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** SIGKILL: no shutdown hook, no goodbye to the cluster. */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(SIGNAL_WAIT_SECONDS, TimeUnit.SECONDS);
            frozen = false;
        }
    }

    /** SIGSTOP: the process keeps its sockets and its state, and does nothing, like a long GC pause. */
    synchronized void freeze() throws IOException, InterruptedException {
        signal("-STOP");
        frozen = true;
    }

    /** SIGCONT. */
    synchronized void thaw() throws IOException, InterruptedException {
        signal("-CONT");
        frozen = false;
    }

    private void signal(String signal) throws IOException, InterruptedException {
        if (alive()) {
            new ProcessBuilder("kill", signal, Long.toString(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor(SIGNAL_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, then SIGKILL after {@code graceSeconds}; a frozen process is thawed first. */
    synchronized void stop(long graceSeconds) throws IOException, InterruptedException {
        if (!alive()) {
            return;
        }
        if (frozen) {
            thaw();
        }
        process.destroy();
        if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(SIGNAL_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
