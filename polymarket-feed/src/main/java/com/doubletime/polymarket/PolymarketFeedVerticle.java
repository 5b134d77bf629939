package com.doubletime.polymarket;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.bus.feed.Backoff;
import com.doubletime.bus.feed.BookFreshness;
import com.doubletime.bus.feed.CaptureWriter;
import com.doubletime.bus.feed.EpochNanoClock;
import com.doubletime.bus.feed.FeedConnection;
import com.doubletime.bus.feed.MarketDataPublisher;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.FeedHealth;
import com.doubletime.domain.event.MarketDataBatch;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.function.Consumer;

/**
 * The Polymarket market-channel feed: one WebSocket subscribed to the configured token ids, one
 * {@link MarketDataBatch} per received frame on {@link Addresses#MARKET_DATA}, a {@link FeedHealth} every
 * second on {@link Addresses#FEED_HEALTH}, and optionally every frame recorded to a capture file
 * (contracts §2).
 *
 * <p>Keepalive: the text {@code PING} every {@code pingIntervalMillis}; when nothing at all ({@code PONG}
 * or data) arrived for {@code pongTimeoutMillis} the connection is dropped, every Polymarket book is marked
 * stale, and the feed reconnects with backoff and subscribes again (fresh {@code book} snapshots follow).
 * A malformed frame is counted and skipped.
 */
public final class PolymarketFeedVerticle extends VerticleBase {
    static final long HEALTH_PERIOD_MILLIS = 1_000;

    private final PolymarketFeedConfig config;
    private FeedConnection connection;
    private PolymarketFeedProtocol protocol;
    private BookFreshness freshness;
    private CaptureWriter capture;
    private long healthTimer = -1;
    private long pingTimer = -1;

    public PolymarketFeedVerticle(PolymarketFeedConfig config) {
        this.config = config;
    }

    @Override
    public Future<?> start() {
        BusCodecs.registerAll(vertx.eventBus());
        freshness = new BookFreshness(config.assetIds());
        Future<CaptureWriter> opened = config.recordFile() == null
                ? Future.succeededFuture()
                : vertx.executeBlocking(() -> CaptureWriter.open(config.recordFile()));
        return opened.map(writer -> {
            capture = writer;
            // the market channel needs no authentication (polymarket.md §2.1)
            connection = new FeedConnection(vertx, Platform.POLYMARKET, config.wsUrl(), config.pongTimeoutMillis(),
                    new Backoff(config.reconnectInitialMillis(), config.reconnectMaxMillis()),
                    FeedConnection.NO_HEADERS, writer, new EpochNanoClock());
            Consumer<MarketDataBatch> toBus = MarketDataPublisher.toEventBus(vertx.eventBus());
            MarketDataPublisher publisher = new MarketDataPublisher(batch -> {
                freshness.apply(batch);
                toBus.accept(batch);
            });
            protocol = new PolymarketFeedProtocol(config, publisher, connection);
            connection.start(protocol);
            // sent while connected only; send() is a no-op between connections
            pingTimer = vertx.setPeriodic(config.pingIntervalMillis(), id -> connection.send(PolymarketFeedProtocol.PING));
            healthTimer = vertx.setPeriodic(HEALTH_PERIOD_MILLIS, id -> publishHealth());
            return null;
        });
    }

    private void publishHealth() {
        vertx.eventBus().publish(Addresses.FEED_HEALTH, health());
    }

    /** The feed's health now (no sequence numbers on this venue: gaps and duplicates stay 0). */
    FeedHealth health() {
        PolymarketBookSession session = protocol.session();
        return new FeedHealth(Platform.POLYMARKET, connection.connected(), connection.lastFrameAtMillis(),
                connection.lastFrameAgeMillis(), session.frames(), session.malformed(), 0, 0,
                connection.reconnects(), freshness.staleInstruments(), connection.lastError());
    }

    /** Closes the socket (publishing the books' staleness), then flushes and closes the capture. */
    @Override
    public Future<?> stop() {
        if (pingTimer != -1) {
            vertx.cancelTimer(pingTimer);
        }
        if (healthTimer != -1) {
            vertx.cancelTimer(healthTimer);
        }
        Future<Void> closed = connection == null ? Future.succeededFuture() : connection.stop();
        return closed.eventually(() -> {
            if (connection != null) {
                publishHealth();
            }
            CaptureWriter writer = capture;
            return writer == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
                writer.close();
                return null;
            });
        });
    }
}
