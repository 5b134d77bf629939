package com.doubletime.executor;

import com.doubletime.cluster.ServiceMain;
import com.doubletime.cluster.ServiceOptions.Kind;
import com.doubletime.cluster.ServiceOptions.Option;
import com.doubletime.cluster.config.PairsLoader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code java -jar trade-executor.jar [--cluster] [options]}: the trade executor as its own process (paper
 * mode), journaling to {@code executor.journalPath}. Exactly one executor per cluster: it owns the risk
 * limits and positions. Options: {@code --help}.
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
                    "user (doubletime); the password only from DT_PG_PASSWORD"));

    private ExecutorMain() {}

    public static void main(String[] args) {
        ServiceMain.run("trade-executor", OPTIONS, args, ExecutorMain::deploy);
    }

    static Future<?> deploy(Vertx vertx, JsonObject config) {
        ExecutorConfig executor = ExecutorConfig.fromJson(config.getJsonObject("executor", new JsonObject()));
        return PairsLoader.load(vertx, ServiceMain.pairsFile(config))
                .compose(pairs -> vertx.deployVerticle(new TradeExecutorVerticle(executor, pairs)));
    }
}
