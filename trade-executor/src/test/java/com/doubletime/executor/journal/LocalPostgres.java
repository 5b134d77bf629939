package com.doubletime.executor.journal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for tests, from Debian's packaged binaries ({@code /usr/lib/postgresql/N/bin},
 * installed by {@code .ci/run} when missing): initdb into a temp directory, start on a free loopback port
 * with its unix socket in a temp directory, trust authentication, stopped (and deleted) when the JVM exits.
 * One server per test JVM; each test gets a database of its own from {@link #newDatabase}.
 *
 * <p>initdb and postgres refuse to run as root, so as root they run as the {@code postgres} OS user
 * ({@code runuser -u postgres --}) and the temp directories are handed to it.
 */
public final class LocalPostgres {
    private static LocalPostgres shared;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    final int port;
    final Path socketDir;
    private final Path bin;
    private final Path dataDir;
    private final boolean asPostgresUser;

    private LocalPostgres(Path bin, Path dataDir, Path socketDir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.socketDir = socketDir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    public static synchronized LocalPostgres shared() throws Exception {
        if (shared == null) {
            shared = start();
            LocalPostgres server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly, "local-postgres-stop"));
        }
        return shared;
    }

    /** A fresh, empty database owned by the {@code postgres} role. */
    public PostgresJournalConfig newDatabase(String table) throws Exception {
        String name = "dt_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        run(List.of(
                bin.resolve("createdb").toString(),
                "-h",
                socketDir.toString(),
                "-p",
                Integer.toString(port),
                "-U",
                "postgres",
                name));
        return new PostgresJournalConfig("127.0.0.1", port, name, "postgres", null, table, 10_000);
    }

    private static LocalPostgres start() throws Exception {
        Path bin = findBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dataDir = Files.createTempDirectory("dt-pg-data");
        Path socketDir = Files.createTempDirectory("dt-pg-sock");
        if (root) {
            for (Path dir : List.of(dataDir, socketDir)) {
                runAs(false, List.of("chown", "postgres:postgres", dir.toString()));
            }
        }
        int port = freePort();
        LocalPostgres server = new LocalPostgres(bin, dataDir, socketDir, port, root);
        server.run(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                dataDir.toString(),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync"));
        server.run(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                dataDir.toString(),
                "-w",
                "-t",
                "120",
                "-l",
                dataDir.resolve("server.log").toString(),
                "-o",
                "-p " + port + " -k " + socketDir + " -c listen_addresses=127.0.0.1 -c max_connections=50",
                "start"));
        return server;
    }

    private static Path findBinaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("PostgreSQL is not installed (no /usr/lib/postgresql): "
                    + "apt-get install -y postgresql (.ci/run does this)");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent())))
                    .orElseThrow(() -> new IllegalStateException("no initdb under /usr/lib/postgresql/*/bin"));
        }
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void run(List<String> command) throws Exception {
        runAs(asPostgresUser, command);
    }

    private static void runAs(boolean asPostgresUser, List<String> command) throws Exception {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path log = Files.createTempFile("dt-pg-cmd", ".log");
        Process process = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(Path.of("/tmp").toFile())
                .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", full));
        }
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " exited " + process.exitValue() + ":\n" + output);
        }
    }

    private void stopQuietly() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop"));
        } catch (Exception e) {
            System.err.println("local postgres stop: " + e.getMessage());
        }
        for (Path dir : List.of(dataDir, socketDir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp directory left behind is harmless
            }
        }
    }
}
