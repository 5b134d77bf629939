package com.doubletime.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server from Debian's packaged binaries ({@code /usr/lib/postgresql/N/bin}; {@code
 * ./double-time test} installs them when missing), for the integration tests and the chaos soak: initdb into a temp
 * directory, listening on a free loopback port only, its unix socket in a temp directory, trust authentication.
 * {@link #stop} and {@link #start} take it down and bring it back on the same port with its data (a database
 * outage); {@link #destroy} removes it.
 *
 * <p>initdb and postgres refuse to run as root, so as root they run as the {@code postgres} OS user ({@code runuser
 * -u postgres --}) and the temp directories are handed to it.
 */
public final class LocalPostgresServer {
    private static final long COMMAND_TIMEOUT_SECONDS = 180;
    private static final String MAX_CONNECTIONS = "100";

    private final Path bin;
    private final Path dataDir;
    private final Path socketDir;
    private final int port;
    private final boolean asPostgresUser;
    private final boolean keepData;

    private LocalPostgresServer(
            Path bin, Path dataDir, Path socketDir, int port, boolean asPostgresUser, boolean keepData) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.socketDir = socketDir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
        this.keepData = keepData;
    }

    /** A new server in a temp directory, initialised and started; {@link #destroy} deletes it. */
    public static LocalPostgresServer create() throws Exception {
        return open(Files.createTempDirectory("dt-pg-data"), false);
    }

    /**
     * A server whose data lives in {@code dataDir} and outlives it: initialised there when it holds no cluster yet,
     * else started over what it holds. {@link #destroy} stops it and keeps the data.
     */
    public static LocalPostgresServer keepingDataIn(Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        return open(dataDir.toAbsolutePath(), true);
    }

    private static LocalPostgresServer open(Path dataDir, boolean keepData) throws Exception {
        Path bin = findBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path socketDir = Files.createTempDirectory("dt-pg-sock");
        if (root) {
            for (Path dir : List.of(dataDir, socketDir)) {
                runAs(false, List.of("chown", "postgres:postgres", dir.toString()));
            }
        }
        LocalPostgresServer server = new LocalPostgresServer(bin, dataDir, socketDir, freePort(), root, keepData);
        if (Files.exists(dataDir.resolve("PG_VERSION"))) {
            server.start();
            return server;
        }
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
        server.start();
        return server;
    }

    public int port() {
        return port;
    }

    /** The superuser every database here is owned by (trust authentication: no password). */
    public String user() {
        return "postgres";
    }

    /** Starts the server (again) on its port, with whatever data it had; waits until it accepts connections. */
    public void start() throws Exception {
        run(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                dataDir.toString(),
                "-w",
                "-t",
                Long.toString(COMMAND_TIMEOUT_SECONDS),
                "-l",
                dataDir.resolve("server.log").toString(),
                "-o",
                "-p " + port + " -k " + socketDir + " -c listen_addresses=127.0.0.1 -c max_connections="
                        + MAX_CONNECTIONS,
                "start"));
    }

    /** Stops the server as an outage would (fast mode: every session is ended); what was committed stays. */
    public void stop() throws Exception {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
    }

    /** Whether the database exists already (a kept data directory). */
    public boolean hasDatabase(String name) throws Exception {
        try {
            client("psql", "-d", name, "-c", "SELECT 1");
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** A fresh, empty database owned by {@link #user()}. */
    public void createDatabase(String name) throws Exception {
        client("createdb", name);
    }

    /** One of PostgreSQL's client programs against this server, as {@link #user()}, over its unix socket. */
    private void client(String program, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                bin.resolve(program).toString(),
                "-h",
                socketDir.toString(),
                "-p",
                Integer.toString(port),
                "-U",
                user()));
        command.addAll(List.of(args));
        run(command);
    }

    /**
     * Stops the server and deletes its directories, the data too unless it was {@linkplain #keepingDataIn kept};
     * never throws (a temp directory left behind is harmless).
     */
    public void destroy() {
        try {
            stop();
        } catch (Exception e) {
            System.err.println("local postgres stop: " + e.getMessage());
        }
        for (Path dir : keepData ? List.of(socketDir) : List.of(dataDir, socketDir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // left for the OS's temp cleaning
            }
        }
    }

    private static Path findBinaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("PostgreSQL is not installed (no /usr/lib/postgresql): "
                    + "apt-get install -y postgresql (./double-time test does this)");
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
                .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile())
                .start();
        if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", full));
        }
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " exited " + process.exitValue() + ":\n" + output);
        }
    }
}
