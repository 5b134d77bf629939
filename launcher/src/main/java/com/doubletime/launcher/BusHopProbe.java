package com.doubletime.launcher;

import com.doubletime.cluster.ClusterSettings;
import com.doubletime.cluster.ServiceNode;
import com.doubletime.domain.Levels;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Side;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.OrderBookDeltaReceived;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Measures one clustered event-bus hop, feed → monitor, on loopback: this JVM (the "feed" side) and a
 * second JVM it starts (the "monitor" side) join a Hazelcast cluster of their own; the feed side sends
 * {@link MarketDataBatch}es (the real records, through the real codec) one at a time, the monitor side
 * echoes each back, and the round trip is recorded in an HdrHistogram. A one-way hop is taken as half the
 * round trip: the two JVMs have no common clock finer than that.
 *
 * <pre>java -cp 'launcher/target/launcher.jar:launcher/target/lib/*' com.doubletime.launcher.BusHopProbe [rounds] [perRound]</pre>
 */
public final class BusHopProbe {
    private static final String ADDRESS = "dt.probe.hop";

    private BusHopProbe() {}

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("echo")) {
            echo(args[1], Integer.parseInt(args[2]));
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        String name = "dt-hop-" + ProcessHandle.current().pid();
        int port = ClusterLauncher.freePortBlock();
        Process monitorSide = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        BusHopProbe.class.getName(),
                        "echo",
                        name,
                        Integer.toString(port))
                .inheritIO()
                .start();
        Vertx vertx = null;
        try {
            vertx = ServiceNode.start(settings(name, port)).await(2, TimeUnit.MINUTES);
            measure(vertx, rounds, perRound);
        } finally {
            if (vertx != null) {
                vertx.close().await(20, TimeUnit.SECONDS);
            }
            monitorSide.destroy();
            if (!monitorSide.waitFor(15, TimeUnit.SECONDS)) {
                monitorSide.destroyForcibly();
            }
        }
    }

    private static ClusterSettings settings(String name, int port) {
        return new ClusterSettings(
                true, name, List.of("127.0.0.1"), List.of("127.0.0.1"), port, "127.0.0.1", 0, null, false);
    }

    private static void echo(String name, int port) throws Exception {
        Vertx vertx = ServiceNode.start(settings(name, port)).await(2, TimeUnit.MINUTES);
        vertx.eventBus()
                .<MarketDataBatch>consumer(ADDRESS, message -> message.reply(message.body()))
                .completion()
                .await(30, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                vertx.close().await(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                // exiting anyway
            }
        }));
        Thread.currentThread().join();
    }

    private static void measure(Vertx vertx, int rounds, int perRound) throws Exception {
        DeliveryOptions options = new DeliveryOptions().setSendTimeout(5_000);
        MarketDataBatch delta = new MarketDataBatch(
                Platform.KALSHI,
                1L,
                List.of(new OrderBookDeltaReceived(
                        Platform.KALSHI, "KXFEDDECISION-26DEC-C25", Side.BID, 410_000, 25_000_000, false, 1L)));
        MarketDataBatch snapshot = new MarketDataBatch(
                Platform.POLYMARKET,
                1L,
                List.of(new OrderBookSnapshotReceived(
                        Platform.POLYMARKET,
                        "71321045679252212594626385532706912750332728571942532289631379312455583992563",
                        levels(20),
                        levels(20),
                        1L)));
        // first replies wait for partition migration after the join (stack-notes gotcha 10)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                vertx.eventBus().request(ADDRESS, delta, options).await(10, TimeUnit.SECONDS);
                break;
            } catch (Exception notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the monitor side never answered: " + notYet);
                }
                Thread.sleep(200);
            }
        }
        run(vertx, delta, options, 20_000, null);
        for (int round = 1; round <= rounds; round++) {
            for (MarketDataBatch batch : List.of(delta, snapshot)) {
                Histogram rtt = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
                long started = System.nanoTime();
                run(vertx, batch, options, perRound, rtt);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(
                        "round %d %-22s n=%d  round trip p50 %6.1f µs  p99 %7.1f µs  p99.9 %7.1f µs  max %8.1f µs"
                                + "  => one hop p50 %5.1f µs, p99 %6.1f µs  (%.0f msg/s)%n",
                        round,
                        batch == delta ? "delta (1 level)" : "snapshot (2x20 levels)",
                        rtt.getTotalCount(),
                        rtt.getValueAtPercentile(50) / 1e3,
                        rtt.getValueAtPercentile(99) / 1e3,
                        rtt.getValueAtPercentile(99.9) / 1e3,
                        rtt.getMaxValue() / 1e3,
                        rtt.getValueAtPercentile(50) / 2e3,
                        rtt.getValueAtPercentile(99) / 2e3,
                        perRound / seconds);
            }
        }
    }

    /** Sequential request-reply from an event loop, one in flight, like a feed publishing frame after frame. */
    private static void run(Vertx vertx, MarketDataBatch batch, DeliveryOptions options, int count, Histogram rtt)
            throws Exception {
        Promise<Void> done = Promise.promise();
        vertx.runOnContext(v -> next(vertx, batch, options, count, rtt, done));
        done.future().await(10, TimeUnit.MINUTES);
    }

    private static void next(
            Vertx vertx, MarketDataBatch batch, DeliveryOptions options, int left, Histogram rtt, Promise<Void> done) {
        if (left == 0) {
            done.complete();
            return;
        }
        long sent = System.nanoTime();
        Future<Message<MarketDataBatch>> reply = vertx.eventBus().request(ADDRESS, batch, options);
        reply.onComplete(r -> {
            if (r.failed()) {
                done.fail(r.cause());
                return;
            }
            if (rtt != null) {
                rtt.recordValue(Math.min(System.nanoTime() - sent, rtt.getHighestTrackableValue()));
            }
            next(vertx, batch, options, left - 1, rtt, done);
        });
    }

    private static Levels levels(int n) {
        long[] prices = new long[n];
        long[] sizes = new long[n];
        for (int i = 0; i < n; i++) {
            prices[i] = 500_000 - i * 10_000L;
            sizes[i] = (i + 1) * 1_000_000L;
        }
        return new Levels(prices, sizes);
    }
}
