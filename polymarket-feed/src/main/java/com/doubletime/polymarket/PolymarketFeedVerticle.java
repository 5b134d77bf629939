package com.doubletime.polymarket;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.domain.EpochNanoClock;
import com.doubletime.domain.MarketDataListener;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.BooksResendRequest;
import com.doubletime.domain.event.FeedHealth;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketStatusRequest;
import com.doubletime.domain.event.PairsChanged;
import com.doubletime.feed.Backoff;
import com.doubletime.feed.BookFreshness;
import com.doubletime.feed.FeedConnection;
import com.doubletime.feed.MalformedFrameException;
import com.doubletime.feed.MarketDataPublisher;
import com.doubletime.feed.ResendThrottle;
import com.doubletime.feed.SharedVenueListener;
import com.doubletime.feed.capture.CaptureWriter;
import com.doubletime.polymarket.gamma.GammaClient;
import com.doubletime.polymarket.market.PolymarketMarketBoard;
import com.doubletime.polymarket.order.ClobReply;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.Collection;
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
    /** Stalls are looked for a few times per stall period, at most once a second. */
    /** Late subscribers asking together are answered with one resend per second at most. */
    private static final long BOOKS_RESEND_MIN_INTERVAL_MILLIS = 1_000;

    private static final long STALL_CHECKS_PER_PERIOD = 4;

    private static final long MIN_STALL_CHECK_MILLIS = 10;

    private final PolymarketFeedConfig config;
    private FeedConnection connection;
    private PolymarketFeedProtocol protocol;
    private BookFreshness freshness;
    private CaptureWriter capture;
    private long healthTimer = -1;
    private GammaClient gamma;
    private List<MarketPair> lifecyclePairs;
    private long gammaPollMillis;
    private PolymarketMarketBoard board;
    private long gammaTimer = -1;
    private static final System.Logger LOG = System.getLogger(PolymarketFeedVerticle.class.getName());

    /** Default Gamma poll, the fallback behind {@code market_resolved}. */
    public static final long DEFAULT_GAMMA_POLL_MILLIS = 60_000;

    /**
     * Market lifecycle (issue 12): reads the paired markets from Gamma at start, on every pair change and every
     * {@code pollMillis} (the fallback), takes {@code market_resolved} from the market channel (subscribed with
     * {@code custom_feature_enabled}), and publishes {@code MarketStatusChanged} on {@link Addresses#MARKET_STATUS}
     * (all again on {@link Addresses#MARKET_STATUS_RESEND}). Call before deploying.
     */
    public PolymarketFeedVerticle withLifecycle(GammaClient gamma, List<MarketPair> pairs, long pollMillis) {
        if (pollMillis <= 0) {
            throw new IllegalArgumentException("the Gamma poll interval must be positive");
        }
        this.gamma = gamma;
        this.lifecyclePairs = List.copyOf(pairs);
        this.gammaPollMillis = pollMillis;
        return this;
    }

    private void pollGamma() {
        List<String> conditions = board.conditionIds();
        if (conditions.isEmpty()) {
            return;
        }
        gamma.marketRecords(conditions)
                .onSuccess(records -> records.forEach(record -> board.onGamma(record, System.currentTimeMillis())))
                .onFailure(failure ->
                        LOG.log(System.Logger.Level.WARNING, "polymarket Gamma poll failed: " + failure.getMessage()));
    }

    private void onResolvedFrame(String frame) {
        try {
            board.onResolvedFrame(frame, System.currentTimeMillis());
        } catch (MalformedFrameException e) {
            connection.noteError("malformed market_resolved: " + e.getMessage());
            LOG.log(System.Logger.Level.WARNING, "polymarket market_resolved skipped: " + e.getMessage());
        }
    }

    private long pingTimer = -1;
    private long stallTimer = -1;
    private WebClient rest;
    private MessageConsumer<PairsChanged> pairsConsumer;
    private boolean sharedVenue;
    private String instanceId = Platform.POLYMARKET.wireName();

    public PolymarketFeedVerticle(PolymarketFeedConfig config) {
        this.config = config;
    }

    /** A service that started after this feed asked for the books it missed: each fresh one again, from memory. */
    private void republishBooks(String requester) {
        int books = protocol.republishBooks(connection.clock().nowNanos());
        LOG.log(
                System.Logger.Level.INFO,
                "polymarket sent " + books + " fresh books again, for a late subscriber (" + requester + ")");
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
            if (gamma != null) {
                board = new PolymarketMarketBoard(
                        lifecyclePairs, event -> vertx.eventBus().publish(Addresses.MARKET_STATUS, event));
                protocol.onMarketResolved(this::onResolvedFrame);
                vertx.eventBus()
                        .<MarketStatusRequest>consumer(
                                Addresses.MARKET_STATUS_RESEND, message -> board.resend(System.currentTimeMillis()));
                pollGamma();
                gammaTimer = vertx.setPeriodic(gammaPollMillis, id -> pollGamma());
            }
            ResendThrottle resends = new ResendThrottle(
                    BOOKS_RESEND_MIN_INTERVAL_MILLIS,
                    System::currentTimeMillis,
                    (delay, task) -> vertx.setTimer(delay, id -> task.run()));
            vertx.eventBus()
                    .<BooksResendRequest>consumer(
                            Addresses.BOOKS_RESEND,
                            message -> resends.request(
                                    () -> republishBooks(message.body().requester())));
            connection.start(protocol);
            // sent while connected only
            pingTimer = vertx.setPeriodic(config.pingIntervalMillis(), id -> protocol.onPingTick());
            long stallCheck = Math.max(
                    MIN_STALL_CHECK_MILLIS,
                    Math.min(HEALTH_PERIOD_MILLIS, config.stallMillis() / STALL_CHECKS_PER_PERIOD));
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
            follow(assets);
            changed.complete();
        });
        return changed.future();
    }

    private void follow(Collection<String> assets) {
        protocol.follow(assets);
        freshness.follow(protocol.assetIds());
    }

    /** {@code GET /book?token_id=} on the CLOB REST API, answered on this verticle's event loop. */
    private void fetchBook(String assetId, Consumer<JsonObject> onBook, Consumer<String> onFailure) {
        rest.getAbs(config.restUrl() + "/book")
                .addQueryParam("token_id", assetId)
                .timeout(config.pongTimeoutMillis())
                .send()
                .onSuccess(response -> {
                    if (response.statusCode() != ClobReply.OK) {
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
            follow(tokens);
        }
        if (board != null) {
            board.pairs(change.pairs());
            if (!change.added().isEmpty()) {
                pollGamma();
            }
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
                freshness.staleInstruments(),
                connection.lastError(),
                session.counters().malformedByReason(),
                session.crossedBooks() + protocol.guard().mismatches(),
                protocol.refused());
    }

    /** Closes the socket (publishing the books' staleness), then flushes and closes the capture. */
    @Override
    public Future<?> stop() {
        if (pingTimer != -1) {
            vertx.cancelTimer(pingTimer);
        }
        if (gammaTimer != -1) {
            vertx.cancelTimer(gammaTimer);
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
