package com.doubletime.polymarket;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.domain.EpochNanoClock;
import com.doubletime.domain.MarketDataListener;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.FeedHealth;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.PairsChanged;
import com.doubletime.feed.Backoff;
import com.doubletime.feed.BookFreshness;
import com.doubletime.feed.FeedConnection;
import com.doubletime.feed.MarketDataPublisher;
import com.doubletime.feed.SharedVenueListener;
import com.doubletime.feed.capture.CaptureWriter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The Polymarket market-channel feed: one WebSocket subscribed to the configured token ids, one
 * {@link MarketDataBatch} per received frame on {@link Addresses#MARKET_DATA}, a {@link FeedHealth} every
 * second on {@link Addresses#FEED_HEALTH}, and optionally every frame recorded to a capture file
 * (contracts §2).
 *
 * <p>Keepalive: the text {@code PING} every {@code pingIntervalMillis}; when no {@code PONG} (or nothing at
 * all) arrived for {@code pongTimeoutMillis} the connection is dropped, every Polymarket book is marked
 * stale, and the feed reconnects with backoff and jitter and subscribes again (fresh {@code book} snapshots
 * follow). Assets silent for {@code stallMillis} are resubscribed; a book whose {@code best_bid}/{@code
 * best_ask} disagree is resynced from REST {@code /book} (see {@link PolymarketFeedProtocol}). Pairs added or
 * removed through the API ({@link Addresses#PAIRS_CHANGED}) are subscribed or unsubscribed on the live
 * connection. A malformed frame is counted and skipped.
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
    private long stallTimer = -1;
    private WebClient rest;
    private MessageConsumer<PairsChanged> pairsConsumer;
    private boolean sharedVenue;
    private String instanceId = Platform.POLYMARKET.wireName();

    public PolymarketFeedVerticle(PolymarketFeedConfig config) {
        this.config = config;
    }

    @Override
    public Future<?> start() {
        BusCodecs.registerAll(vertx.eventBus());
        freshness = new BookFreshness();
        Future<CaptureWriter> opened = config.recordFile() == null
                ? Future.succeededFuture()
                : vertx.executeBlocking(() -> CaptureWriter.open(config.recordFile()));
        return opened.map(writer -> {
            capture = writer;
            // the market channel needs no authentication (polymarket.md §2.1)
            connection = new FeedConnection(
                    vertx,
                    Platform.POLYMARKET,
                    config.wsUrl(),
                    config.pongTimeoutMillis(),
                    new Backoff(config.reconnectInitialMillis(), config.reconnectMaxMillis()),
                    FeedConnection.NO_HEADERS,
                    writer,
                    new EpochNanoClock());
            Consumer<MarketDataBatch> toBus = MarketDataPublisher.toEventBus(vertx.eventBus());
            MarketDataPublisher publisher = new MarketDataPublisher(batch -> {
                freshness.apply(batch);
                toBus.accept(batch);
            });
            rest = WebClient.create(vertx);
            // a scaled-out instance's disconnect makes only its own books stale, not the other instances'
            MarketDataListener listener =
                    sharedVenue ? new SharedVenueListener(publisher, () -> protocol.assetIds()) : publisher;
            protocol = new PolymarketFeedProtocol(config, listener, connection, this::fetchBook, System::nanoTime);
            connection.start(protocol);
            // sent while connected only
            pingTimer = vertx.setPeriodic(config.pingIntervalMillis(), id -> protocol.onPingTick());
            long stallCheck = Math.max(10, Math.min(1_000, config.stallMillis() / 4));
            stallTimer = vertx.setPeriodic(stallCheck, id -> protocol.checkStalls());
            healthTimer = vertx.setPeriodic(HEALTH_PERIOD_MILLIS, id -> publishHealth());
            if (!sharedVenue) { // a scaled-out instance gets its share from the market leases instead
                pairsConsumer =
                        vertx.eventBus().consumer(Addresses.PAIRS_CHANGED, message -> onPairsChanged(message.body()));
            }
            return null;
        });
    }

    /**
     * Scale-out: this instance streams only part of Polymarket's markets, so its disconnect marks only its own
     * books stale, and its health reports name it. Call before deploying.
     *
     * @param instanceId this instance's id in the cluster, as its market leases name it
     */
    public PolymarketFeedVerticle sharingVenue(String instanceId) {
        sharedVenue = true;
        this.instanceId = instanceId;
        return this;
    }

    /** Streams these assets from now on on the live connection (subscribe the new, unsubscribe the gone). */
    public Future<Void> changeAssets(List<String> assets) {
        Promise<Void> changed = Promise.promise();
        context.runOnContext(v -> {
            protocol.follow(assets);
            changed.complete();
        });
        return changed.future();
    }

    /** {@code GET /book?token_id=} on the CLOB REST API, answered on this verticle's event loop. */
    private void fetchBook(String assetId, Consumer<JsonObject> onBook, Consumer<String> onFailure) {
        rest.getAbs(config.restUrl() + "/book")
                .addQueryParam("token_id", assetId)
                .timeout(config.pongTimeoutMillis())
                .send()
                .onSuccess(response -> {
                    if (response.statusCode() != 200) {
                        onFailure.accept("HTTP " + response.statusCode());
                        return;
                    }
                    try {
                        onBook.accept(response.bodyAsJsonObject());
                    } catch (RuntimeException e) {
                        onFailure.accept("unreadable book: " + e.getMessage());
                    }
                })
                .onFailure(e -> onFailure.accept(String.valueOf(e.getMessage())));
    }

    /** The complete new pair set decides which tokens this feed follows. */
    private void onPairsChanged(PairsChanged change) {
        Set<String> tokens = new LinkedHashSet<>();
        for (MarketPair pair : change.pairs()) {
            tokens.add(pair.yesTokenId());
            tokens.add(pair.noTokenId());
        }
        if (!tokens.isEmpty()) {
            protocol.follow(tokens);
        }
    }

    private void publishHealth() {
        vertx.eventBus().publish(Addresses.FEED_HEALTH, health());
    }

    /** The feed's health now (no sequence numbers on this venue: gaps and duplicates stay 0). */
    FeedHealth health() {
        PolymarketBookSession session = protocol.session();
        List<String> streamed = List.copyOf(new TreeSet<>(protocol.assetIds()));
        return new FeedHealth(
                Platform.POLYMARKET,
                instanceId,
                connection.connected(),
                connection.lastFrameAtMillis(),
                connection.lastFrameAgeMillis(),
                session.frames(),
                session.malformed(),
                0,
                0,
                connection.reconnects(),
                streamed,
                freshness.staleAmong(streamed),
                connection.lastError());
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
        if (stallTimer != -1) {
            vertx.cancelTimer(stallTimer);
        }
        if (pairsConsumer != null) {
            pairsConsumer.unregister();
        }
        Future<Void> closed = connection == null ? Future.succeededFuture() : connection.stop();
        return closed.eventually(() -> {
            if (connection != null) {
                publishHealth();
            }
            if (rest != null) {
                rest.close();
            }
            CaptureWriter writer = capture;
            return writer == null
                    ? Future.succeededFuture()
                    : vertx.executeBlocking(() -> {
                        writer.close();
                        return null;
                    });
        });
    }
}
