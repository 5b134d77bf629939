package com.doubletime.launcher;

import com.doubletime.domain.MarketPair;
import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code ./double-time run}: the embedded stack in paper mode, until Ctrl-C. */
public final class EmbeddedMain {
    private static final System.Logger LOG = System.getLogger(EmbeddedMain.class.getName());

    private EmbeddedMain() {
    }

    public static void main(String[] args) throws Exception {
        StackConfig config;
        try {
            config = StackConfig.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("run: " + e.getMessage());
            System.exit(2);
            return;
        }
        Vertx vertx = Vertx.vertx();
        EmbeddedStack stack;
        try {
            stack = EmbeddedStack.start(vertx, config).await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("run: could not start: " + e.getMessage());
            vertx.close();
            System.exit(1);
            return;
        }
        String gateway = "http://" + config.host() + ":" + stack.gatewayPort();
        LOG.log(System.Logger.Level.INFO, "Double Time is running in PAPER mode (no credentials, no network)");
        for (MarketPair pair : stack.pairs()) {
            LOG.log(System.Logger.Level.INFO, "  pair " + pair.id() + ": Kalshi " + pair.kalshiTicker() + " ~ Polymarket "
                    + pair.conditionId().substring(0, Math.min(12, pair.conditionId().length())) + "… (" + pair.polarity() + ")");
        }
        LOG.log(System.Logger.Level.INFO, "  Kalshi simulator      " + stack.simulator().kalshiWsUrl());
        LOG.log(System.Logger.Level.INFO, "  Polymarket simulator  " + stack.simulator().polymarketWsUrl());
        LOG.log(System.Logger.Level.INFO, "  journal               " + config.journalPath().toAbsolutePath());
        LOG.log(System.Logger.Level.INFO, "  gateway               " + gateway + "/health");
        LOG.log(System.Logger.Level.INFO, "  opportunities (SSE)   " + gateway + "/api/opportunities/stream");
        LOG.log(System.Logger.Level.INFO, "  trades                " + gateway + "/api/trades");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.log(System.Logger.Level.INFO, "stopping");
            try {
                stack.stop().eventually(vertx::close).await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "unclean stop: " + e.getMessage());
            }
            stopped.countDown();
        }));
        stopped.await();
    }
}
