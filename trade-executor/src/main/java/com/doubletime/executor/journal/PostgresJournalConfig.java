package com.doubletime.executor.journal;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Where the PostgreSQL trade journal lives. The password never sits in a config file: it comes from the
 * environment variable named by {@code passwordEnv} (default {@code DT_PG_PASSWORD}), and {@link #toString}
 * leaves it out.
 *
 * @param host a host name, or the directory of the server's unix socket (starts with {@code /})
 * @param table the journal table, created on start when missing
 * @param connectTimeoutMillis how long to wait for a connection before start-up fails
 */
public record PostgresJournalConfig(
        String host, int port, String database, String user, String password, String table, int connectTimeoutMillis) {
    public static final String DEFAULT_PASSWORD_ENV = "DT_PG_PASSWORD";

    public PostgresJournalConfig {
        require(host != null && !host.isBlank(), "host", "is required");
        require(port > 0 && port < 65536, "port", "must be a TCP port");
        require(database != null && !database.isBlank(), "database", "is required");
        require(user != null && !user.isBlank(), "user", "is required");
        require(
                table != null && table.matches("[a-z_][a-z0-9_]{0,62}"),
                "table",
                "must be a lower-case SQL identifier");
        require(connectTimeoutMillis > 0, "connectTimeoutMillis", "must be positive");
    }

    /**
     * Reads {@code {"host":"127.0.0.1","port":5432,"database":"doubletime","user":"doubletime",
     * "passwordEnv":"DT_PG_PASSWORD","table":"trade_journal","connectTimeoutMillis":5000}}.
     */
    public static PostgresJournalConfig fromJson(JsonObject json, Map<String, String> env) {
        JsonObject in = json == null ? new JsonObject() : json;
        try {
            String passwordEnv = in.getString("passwordEnv", DEFAULT_PASSWORD_ENV);
            return new PostgresJournalConfig(
                    in.getString("host", "127.0.0.1"),
                    in.getInteger("port", 5432),
                    in.getString("database", "doubletime"),
                    in.getString("user", "doubletime"),
                    env.get(passwordEnv),
                    in.getString("table", "trade_journal"),
                    in.getInteger("connectTimeoutMillis", 5_000));
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("executor.postgres: a field has the wrong type: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database + " table " + table
                + (password == null ? " (no password)" : " (password set)");
    }

    private static void require(boolean ok, String field, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("executor.postgres." + field + " " + problem);
        }
    }
}
