package com.doubletime.launcher;

import com.doubletime.cluster.LocalPostgresServer;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.order.VenuePosition;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Contracts held per {@code venue:instrument:outcome} (zeros left out), as the venues say and as the journal's
 * trade reports add up; a Kalshi market is one signed position, as Kalshi reports it (YES and NO held net out): what the fail-over test and the chaos soak compare. A trade reported twice is itself a
 * mismatch ({@link Journal#reportedTwice}).
 */
public final class PositionLedger {
    private static final long WAIT_SECONDS = 30;

    private PositionLedger() {}

    /**
     * The journal's trade reports summed.
     *
     * @param reportedTwice trade ids with more than one report
     */
    public record Journal(Map<String, Long> held, List<String> reportedTwice) {}

    /** @param entries journal lines (JSON), any type; only {@code trade} reports count */
    public static Journal ofJournal(Iterable<String> entries) {
        Map<String, Long> held = new TreeMap<>();
        Set<String> tradeIds = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (String line : entries) {
            JsonObject entry = new JsonObject(line);
            if (!"trade".equals(entry.getString("type"))) {
                continue;
            }
            if (!tradeIds.add(entry.getString("tradeId"))) {
                twice.add(entry.getString("tradeId"));
            }
            JsonObject kalshi = entry.getJsonObject("kalshi");
            JsonObject polymarket = entry.getJsonObject("polymarket");
            // Kalshi holds one signed position per market (YES positive, NO negative): NO bought nets YES held
            long contracts = Long.parseLong(kalshi.getValue("filledQuantity").toString());
            held.merge(
                    "kalshi:" + kalshi.getString("ticker") + ":YES",
                    "YES".equals(kalshi.getString("outcome")) ? contracts : -contracts,
                    Long::sum);
            held.merge(
                    "polymarket:" + polymarket.getString("tokenId") + ":" + polymarket.getString("outcome"),
                    Long.parseLong(polymarket.getValue("filledQuantity").toString()),
                    Long::sum);
        }
        Map<String, Long> signed = new TreeMap<>();
        held.forEach((key, contracts) -> {
            if (key.startsWith("kalshi:") && contracts < 0) {
                signed.put(key.substring(0, key.length() - "YES".length()) + "NO", -contracts);
            } else if (contracts != 0) {
                signed.put(key, contracts);
            }
        });
        return new Journal(signed, twice);
    }

    /** A pool on a database of a {@link LocalPostgresServer}, to read the executors' journal. */
    public static Pool journalPool(Vertx vertx, LocalPostgresServer postgres, String database) {
        return PgBuilder.pool()
                .connectingTo(new PgConnectOptions()
                        .setHost("127.0.0.1")
                        .setPort(postgres.port())
                        .setDatabase(database)
                        .setUser(postgres.user()))
                .using(vertx)
                .build();
    }

    /** Every row's body of a PostgreSQL trade journal, in journal order. */
    public static List<String> journalRows(Pool journal, String table) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (Row row : journal.query("SELECT body FROM " + table + " ORDER BY seq")
                .execute()
                .await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            bodies.add(row.getString("body"));
        }
        return bodies;
    }

    /**
     * Whether every trade with a decision or an order event in the PostgreSQL journal has its report: nothing in
     * flight. A decision counts too: a trade decided just before a pause may journal its requests after the pause.
     * False while the journal cannot be read.
     */
    public static boolean settled(Pool journal, String table) {
        try {
            Set<String> ordered = new HashSet<>();
            Set<String> reported = new HashSet<>();
            for (Row row : journal.query("SELECT type, trade_id FROM " + table)
                    .execute()
                    .await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                if ("order".equals(row.getString("type")) || "trade_decision".equals(row.getString("type"))) {
                    ordered.add(row.getString("trade_id"));
                } else if ("trade".equals(row.getString("type"))) {
                    reported.add(row.getString("trade_id"));
                }
            }
            return reported.containsAll(ordered);
        } catch (Exception e) {
            return false;
        }
    }

    /** What the venues hold, read through their order gateways' positions endpoints. */
    public static Map<String, Long> ofVenues(Collection<VenueOrderGateway> venues) throws Exception {
        Map<String, Long> held = new TreeMap<>();
        for (VenueOrderGateway venue : venues) {
            for (VenuePosition p : venue.positions().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS)) {
                if (p.quantity() != 0) {
                    held.merge(
                            p.platform().wireName() + ":" + p.instrument() + ":" + p.outcome(),
                            p.quantity() / FixedPoint.ONE,
                            Long::sum);
                }
            }
        }
        held.values().removeIf(v -> v == 0);
        return held;
    }
}
