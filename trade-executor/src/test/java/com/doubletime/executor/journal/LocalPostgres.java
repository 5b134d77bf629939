package com.doubletime.executor.journal;

import com.doubletime.cluster.LocalPostgresServer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One throwaway PostgreSQL server per test JVM ({@link LocalPostgresServer}), stopped and deleted when the JVM
 * exits; each test gets a database of its own from {@link #newDatabase}.
 */
public final class LocalPostgres {
    private static LocalPostgres shared;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final LocalPostgresServer server;

    private LocalPostgres(LocalPostgresServer server) {
        this.server = server;
    }

    public static synchronized LocalPostgres shared() throws Exception {
        if (shared == null) {
            LocalPostgresServer server = LocalPostgresServer.create();
            shared = new LocalPostgres(server);
            Runtime.getRuntime().addShutdownHook(new Thread(server::destroy, "local-postgres-stop"));
        }
        return shared;
    }

    /** A fresh, empty database owned by the {@code postgres} role. */
    public PostgresJournalConfig newDatabase(String table) throws Exception {
        String name = "dt_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        server.createDatabase(name);
        return new PostgresJournalConfig("127.0.0.1", server.port(), name, server.user(), null, table, 10_000);
    }
}
