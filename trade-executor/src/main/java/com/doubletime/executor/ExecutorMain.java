package com.doubletime.executor;

import com.doubletime.cluster.ServiceMain;
import com.doubletime.cluster.ServiceOptions.Kind;
import com.doubletime.cluster.ServiceOptions.Option;
import com.doubletime.cluster.config.PairsLoader;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.executor.failover.ExecutorFailoverVerticle;
import com.doubletime.executor.failover.FailoverSettings;
import com.doubletime.executor.failover.SoleExecutorStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar trade-executor.jar [--cluster] [options]}: the trade executor as its own process (paper
 * mode), journaling to {@code executor.journalPath} or PostgreSQL. One executor trades at a time: it owns the risk
 * limits and positions. With {@code --failover} (and the PostgreSQL journal) several may run, one active, the others
 * standing by to take over ({@link ExecutorFailoverVerticle}). Options: {@code --help}.
 */
public final class ExecutorMain {
    public static final List<Option> OPTIONS = ServiceMain.options(
            new Option("--mode", "EXECUTOR_MODE", "executor.mode", Kind.STRING, "paper (live is refused)"),
            new Option(
                    "--journal",
                    "EXECUTOR_JOURNAL",
                    "executor.journalPath",
                    Kind.STRING,
                    "JSON Lines journal (data/trades.jsonl)"),
            new Option(
                    "--max-notional",
                    "EXECUTOR_MAX_NOTIONAL",
                    "executor.maxNotionalPerTrade",
                    Kind.STRING,
                    "most one trade may spend, dollars"),
            new Option(
                    "--max-book-age-millis",
                    "EXECUTOR_MAX_BOOK_AGE_MILLIS",
                    "executor.maxBookAgeMillis",
                    Kind.LONG,
                    "books older than this are not traded on"),
            new Option(
                    "--journal-store",
                    "EXECUTOR_JOURNAL_STORE",
                    "executor.journal",
                    Kind.STRING,
                    "file (JSON Lines) or postgres"),
            new Option("--pg-host", "DT_PG_HOST", "executor.postgres.host", Kind.STRING, "PostgreSQL host"),
            new Option("--pg-port", "DT_PG_PORT", "executor.postgres.port", Kind.INT, "PostgreSQL port (5432)"),
            new Option(
                    "--pg-database",
                    "DT_PG_DATABASE",
                    "executor.postgres.database",
                    Kind.STRING,
                    "database (doubletime)"),
            new Option(
                    "--pg-user",
                    "DT_PG_USER",
                    "executor.postgres.user",
                    Kind.STRING,
                    "user (doubletime); the password only from DT_PG_PASSWORD"),
            new Option(
                    "--failover",
                    "EXECUTOR_FAILOVER",
                    "executor.failover.enabled",
                    Kind.SWITCH,
                    "one of several executors: active while it holds the cluster's lease, else standby (needs"
                            + " the postgres journal)"),
            new Option(
                    "--instance-id",
                    "DT_INSTANCE_ID",
                    "executor.failover.instanceId",
                    Kind.STRING,
                    "this executor's id in the cluster (default: unique per process)"),
            new Option(
                    "--lease-millis",
                    "EXECUTOR_LEASE_MILLIS",
                    "executor.failover.leaseMillis",
                    Kind.LONG,
                    "how long the active lease outlives its last renewal (3000): a dead active's successor"
                            + " takes over within this plus the renewal period"),
            new Option(
                    "--renew-millis",
                    "EXECUTOR_LEASE_RENEW_MILLIS",
                    "executor.failover.renewEveryMillis",
                    Kind.LONG,
                    "how often the lease is renewed or, by a standby, read (500)"),
            new Option(
                    "--lease-margin-millis",
                    "EXECUTOR_LEASE_MARGIN_MILLIS",
                    "executor.failover.marginMillis",
                    Kind.LONG,
                    "how long before its expiry the active stops relying on its lease (1000): the largest"
                            + " clock difference between executor hosts tolerated"));

    private ExecutorMain() {}

    public static void main(String[] args) {
        ServiceMain.run("trade-executor", OPTIONS, args, ExecutorMain::deploy);
    }

    static Future<?> deploy(Vertx vertx, JsonObject config) {
        return deploy(vertx, config, Map.of());
    }

    /**
     * The executor the configuration asks for: with fail-over, one {@link ExecutorFailoverVerticle} (active or
     * standby); without, the {@link TradeExecutorVerticle} and its {@link SoleExecutorStatus}.
     *
     * @param venues one order gateway per platform for live mode; empty for paper
     */
    public static Future<?> deploy(Vertx vertx, JsonObject config, Map<Platform, VenueOrderGateway> venues) {
        JsonObject executorJson = config.getJsonObject("executor", new JsonObject());
        ExecutorConfig executor = ExecutorConfig.fromJson(executorJson);
        FailoverSettings failover = FailoverSettings.fromJson(executorJson.getJsonObject("failover"));
        return PairsLoader.load(vertx, ServiceMain.pairsFile(config))
                .compose(pairs -> failover.enabled()
                        ? vertx.deployVerticle(new ExecutorFailoverVerticle(executor, pairs, venues, failover))
                        : vertx.deployVerticle(new TradeExecutorVerticle(executor, pairs, null, venues))
                                .compose(done -> vertx.deployVerticle(new SoleExecutorStatus(failover.instanceId()))));
    }
}
