package com.doubletime.bench;

import com.doubletime.launcher.SimulatorEndpoints;
import com.doubletime.simulator.ExchangeSimulator;
import com.doubletime.simulator.SimulatorProbe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link SimulatorProcess} started from this JVM's class path, its probe lines fed to a {@link SimulatorProbe}
 * (or dropped) and its log kept in a file. Closing it closes the child's stdin, which stops it.
 */
final class SimulatorChild implements AutoCloseable {
    private static final long START_SECONDS = 60;
    private static final long STOP_SECONDS = 15;
    /** The simulators' own heap: books and a few connections. */
    private static final String CHILD_HEAP = "-Xmx512m";

    private final Process process;
    private final Path log;
    private final SimulatorEndpoints endpoints;

    private SimulatorChild(Process process, Path log, SimulatorEndpoints endpoints) {
        this.process = process;
        this.log = log;
        this.endpoints = endpoints;
    }

    /**
     * @param arguments {@link SimulatorProcess}' options
     * @param probe where the child's probe events go (with {@code --probe} among the arguments), or null
     * @param windowSteps whether this child's scenario steps are the ones that open windows (one venue's process
     *     reports them; the other's, played in step with it, are ignored)
     */
    static SimulatorChild start(String name, List<String> arguments, SimulatorProbe probe, boolean windowSteps)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("bench-simulator-" + name + "-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                CHILD_HEAP,
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                SimulatorProcess.class.getName()));
        command.addAll(arguments);
        Process process =
                new ProcessBuilder(command).redirectError(log.toFile()).start();
        CompletableFuture<int[]> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(process, ready, probe, windowSteps), "simulator-" + name + "-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            int[] ports = ready.get(START_SECONDS, TimeUnit.SECONDS);
            String kalshi = "127.0.0.1:" + ports[0];
            String polymarket = "127.0.0.1:" + ports[1];
            return new SimulatorChild(
                    process,
                    log,
                    new SimulatorEndpoints(
                            "ws://" + kalshi + "/trade-api/ws/v2",
                            "http://" + kalshi + "/trade-api/v2",
                            "ws://" + polymarket + "/ws/market",
                            "http://" + polymarket,
                            "http://" + polymarket + ExchangeSimulator.POLYGON_RPC_PATH));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException(
                    "the " + name + " simulator did not start (its log: " + log + "): " + e.getMessage(), e);
        }
    }

    private static void read(
            Process process, CompletableFuture<int[]> ready, SimulatorProbe probe, boolean windowSteps) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String[] words = line.split(" ");
                if (line.startsWith(SimulatorProcess.READY)) {
                    ready.complete(new int[] {Integer.parseInt(words[2]), Integer.parseInt(words[3])});
                } else if (probe != null && words.length >= 3) {
                    onProbeLine(words, probe, windowSteps);
                }
            }
            ready.completeExceptionally(new IOException("exited with " + process.waitFor()));
        } catch (IOException | InterruptedException | RuntimeException e) {
            ready.completeExceptionally(e);
        }
    }

    private static void onProbeLine(String[] words, SimulatorProbe probe, boolean windowSteps) {
        switch (words[0]) {
            case SimulatorProcess.STEP -> {
                if (windowSteps) {
                    probe.stepSent(Integer.parseInt(words[1]), Long.parseLong(words[2]));
                }
            }
            case SimulatorProcess.ORDER ->
                probe.orderReceived(
                        SimulatorProbe.Venue.valueOf(words[1]),
                        words[2].equals("-") ? null : words[2],
                        Long.parseLong(words[3]));
            case SimulatorProcess.HEAD -> {
                if (probe instanceof WindowLatencies latencies) {
                    latencies.mark(
                            SimulatorProbe.Venue.valueOf(words[1]) == SimulatorProbe.Venue.KALSHI
                                    ? WindowLatencies.Mark.KALSHI_HEAD_IN
                                    : WindowLatencies.Mark.POLYMARKET_HEAD_IN,
                            Long.parseLong(words[2]));
                }
            }
            default -> {
                // not a probe line
            }
        }
    }

    SimulatorEndpoints endpoints() {
        return endpoints;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_SECONDS, TimeUnit.SECONDS);
        }
    }
}
