package com.doubletime.executor.journal;

import com.doubletime.cluster.LocalPostgresServer;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Throwaway PostgreSQL servers for tests ({@link LocalPostgresServer}), stopped and deleted when the JVM exits: one
 * shared by the tests of a JVM, each test getting a database of its own from {@link #newDatabase}, or a dedicated one
 * for a test that stops and restarts it.
 */
public final class LocalPostgres {
    private static LocalPostgres shared;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final LocalPostgresServer server;

    private LocalPostgres(LocalPostgresServer server) {
        this.server = server;
    }

    /**
     * A server of its own, for a test that stops and restarts it ({@link #stopServer}, {@link #startServer}) without
     * disturbing the others.
     */
    static LocalPostgres dedicated() throws Exception {
        LocalPostgresServer server = LocalPostgresServer.create();
        Runtime.getRuntime().addShutdownHook(new Thread(server::destroy, "local-postgres-stop"));
        return new LocalPostgres(server);
    }

    public static synchronized LocalPostgres shared() throws Exception {
        if (shared == null) {
            shared = dedicated();
        }
        return shared;
    }

    /** A fresh, empty database owned by the {@code postgres} role. */
    public PostgresJournalConfig newDatabase(String table) throws Exception {
        String name = "dt_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        server.createDatabase(name);
        return new PostgresJournalConfig("127.0.0.1", server.port(), name, server.user(), null, table, 10_000);
    }

    /** A plain pool on the database of {@code config}: what a test reads or tampers with the journal through. */
    static Pool pool(Vertx vertx, PostgresJournalConfig config) {
        return PgBuilder.pool()
                .connectingTo(new PgConnectOptions()
                        .setHost(config.host())
                        .setPort(config.port())
                        .setDatabase(config.database())
                        .setUser(config.user()))
                .using(vertx)
                .build();
    }

    /** Starts the server (again) on its port, over its data. */
    void startServer() throws Exception {
        server.start();
    }

    /** Stops the server as an outage would: sessions are ended, what was committed stays. */
    void stopServer() throws Exception {
        server.stop();
    }
}
