package com.doubletime.kalshi;

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
import com.doubletime.kalshi.market.KalshiLifecycleParser;
import com.doubletime.kalshi.market.KalshiMarketBoard;
import com.doubletime.kalshi.rest.KalshiRestClient;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Kalshi market-data feed: one WebSocket, one {@code orderbook_delta} subscription for the configured
 * tickers, one {@link MarketDataBatch} per received frame on {@link Addresses#MARKET_DATA}, a
 * {@link FeedHealth} every second on {@link Addresses#FEED_HEALTH}, and optionally every frame recorded to
 * a capture file (contracts §2).
 *
 * <p>Recovery: a {@code seq} gap or a diverged book marks books stale and asks for snapshots
 * ({@code get_snapshot}), and a snapshot that does not come makes the subscription afresh; errors 10/25
 * resubscribe; a ticker Kalshi refuses is reported in {@link FeedHealth#refusedInstruments()}; a dropped or silent connection (no frame or ping for
 * {@code idleTimeoutMillis}) marks every Kalshi book stale and reconnects with backoff, then subscribes
 * again. A malformed frame is counted and skipped.
 */
public final class KalshiFeedVerticle extends VerticleBase {
    static final long HEALTH_PERIOD_MILLIS = 1_000;
    /** Unanswered commands are looked for a few times per timeout, at most once a second. */
    /** Late subscribers asking together are answered with one resend per second at most. */
    private static final long BOOKS_RESEND_MIN_INTERVAL_MILLIS = 1_000;

    private static final long ANSWER_CHECKS_PER_TIMEOUT = 4;

    private static final long MIN_ANSWER_CHECK_MILLIS = 10;

    private final KalshiFeedConfig config;
    private final Function<String, MultiMap> handshakeHeaders;
    private FeedConnection connection;
    private KalshiFeedProtocol protocol;
    private BookFreshness freshness;
    private CaptureWriter capture;
    private long healthTimer = -1;
    private long answerTimer = -1;
    private boolean sharedVenue;
    private String instanceId = Platform.KALSHI.wireName();
    private Function<String, Future<JsonObject>> marketLookup;
    private KalshiMarketBoard board;

    /** Unauthenticated handshake (local simulator; the venue now requires a signed one, see below). */
    public KalshiFeedVerticle(KalshiFeedConfig config) {
        this(config, FeedConnection.NO_HEADERS);
    }

    /**
     * @param handshakeHeaders the seam for Kalshi's signed WebSocket handshake (kalshi.md §2): given the
     *                         request path ({@code /trade-api/ws/v2}) it returns the
     *                         {@code KALSHI-ACCESS-*} headers; called on every (re)connect so the
     *                         timestamp and signature are fresh
     */
    public KalshiFeedVerticle(KalshiFeedConfig config, Function<String, MultiMap> handshakeHeaders) {
        this.config = config;
        this.handshakeHeaders = handshakeHeaders;
    }

    /** A service that started after this feed asked for the books it missed: each fresh one again, from memory. */
    private void republishBooks(String requester) {
        int books = protocol.republishBooks(connection.clock().nowNanos());
        LOG.log(
                System.Logger.Level.INFO,
                "kalshi sent " + books + " fresh books again, for a late subscriber (" + requester + ")");
    }

    @Override
    public Future<?> start() {
        BusCodecs.registerAll(vertx.eventBus());
        freshness = new BookFreshness(config.tickers());
        Future<CaptureWriter> opened = config.recordFile() == null
                ? Future.succeededFuture()
                : vertx.executeBlocking(() -> CaptureWriter.open(config.recordFile()));
        return opened.map(writer -> {
            capture = writer;
            connection = new FeedConnection(
                    vertx,
                    Platform.KALSHI,
                    config.wsUrl(),
                    config.idleTimeoutMillis(),
                    new Backoff(config.reconnectInitialMillis(), config.reconnectMaxMillis()),
                    handshakeHeaders,
                    writer,
                    new EpochNanoClock());
            Consumer<MarketDataBatch> toBus = MarketDataPublisher.toEventBus(vertx.eventBus());
            MarketDataPublisher publisher = new MarketDataPublisher(batch -> {
                freshness.apply(batch);
                toBus.accept(batch);
            });
            MarketDataListener listener =
                    sharedVenue ? new SharedVenueListener(publisher, () -> protocol.tickers()) : publisher;
            protocol = new KalshiFeedProtocol(config, listener, connection);
            if (marketLookup != null) {
                board = new KalshiMarketBoard(
                        config.tickers(), event -> vertx.eventBus().publish(Addresses.MARKET_STATUS, event));
                protocol.followLifecycle(this::onLifecycleFrame);
                vertx.eventBus()
                        .<MarketStatusRequest>consumer(
                                Addresses.MARKET_STATUS_RESEND, message -> board.resend(System.currentTimeMillis()));
                lookUp(config.tickers());
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
            healthTimer = vertx.setPeriodic(HEALTH_PERIOD_MILLIS, id -> {
                publishHealth();
                if (board != null) {
                    board.onClock(System.currentTimeMillis());
                }
            });
            long answerCheck = Math.max(
                    MIN_ANSWER_CHECK_MILLIS,
                    Math.min(HEALTH_PERIOD_MILLIS, config.answerTimeoutMillis() / ANSWER_CHECKS_PER_TIMEOUT));
            answerTimer = vertx.setPeriodic(answerCheck, id -> protocol.checkAnswers());
            if (!sharedVenue) { // a scaled-out instance gets its share from the market leases instead
                vertx.eventBus().<PairsChanged>consumer(Addresses.PAIRS_CHANGED, message -> {
                    List<String> paired = message.body().pairs().stream()
                            .map(MarketPair::kalshiTicker)
                            .distinct()
                            .toList();
                    follow(paired);
                    if (board != null) {
                        board.tickers(paired);
                        lookUp(message.body().added().stream()
                                .map(MarketPair::kalshiTicker)
                                .distinct()
                                .toList());
                    }
                });
            }
            return null;
        });
    }

    /**
     * Market lifecycle (issue 12): with a lookup ({@code GET /markets/{ticker}} → its {@code market} object, see
     * {@link #restMarkets}), the feed reads each paired market's status, close and expected resolution time and shard
     * at start and when a pair is added, follows {@code market_lifecycle_v2}, and publishes every change as
     * {@code MarketStatusChanged} on {@link Addresses#MARKET_STATUS} (all again on
     * {@link Addresses#MARKET_STATUS_RESEND}). Without one it does neither. Call before deploying.
     */
    public KalshiFeedVerticle withMarketLookup(Function<String, Future<JsonObject>> lookup) {
        this.marketLookup = lookup;
        return this;
    }

    /** The lookup over Kalshi's REST API: {@code GET /markets/{ticker}}. */
    public static Function<String, Future<JsonObject>> restMarkets(KalshiRestClient rest) {
        return ticker -> rest.get("/markets/" + ticker, null).map(body -> body.getJsonObject("market"));
    }

    private void lookUp(List<String> tickers) {
        for (String ticker : tickers) {
            marketLookup
                    .apply(ticker)
                    .onSuccess(market -> {
                        if (market != null) {
                            board.onMarket(market, System.currentTimeMillis());
                        }
                    })
                    .onFailure(failure -> LOG.log(
                            System.Logger.Level.WARNING,
                            "kalshi market " + ticker + " lookup failed: " + failure.getMessage()));
        }
    }

    private void onLifecycleFrame(String frame, long atNanos, boolean afterGap) {
        try {
            board.onLifecycle(KalshiLifecycleParser.parse(frame), System.currentTimeMillis());
        } catch (MalformedFrameException e) {
            connection.noteError("malformed lifecycle frame: " + e.getMessage());
            LOG.log(System.Logger.Level.WARNING, "kalshi lifecycle frame skipped: " + e.getMessage());
        }
        if (afterGap) {
            // a lifecycle message was missed: read the whole state again
            lookUp(protocol.tickers());
        }
    }

    private static final System.Logger LOG = System.getLogger(KalshiFeedVerticle.class.getName());

    /**
     * Scale-out: this instance streams only part of Kalshi's markets, so its disconnect marks only its own
     * books stale, and its health reports name it. Call before deploying.
     *
     * @param instanceId this instance's id in the cluster, as its market leases name it
     */
    public KalshiFeedVerticle sharingVenue(String instanceId) {
        sharedVenue = true;
        this.instanceId = instanceId;
        return this;
    }

    /** Streams these tickers from now on, keeping the connection (see {@link KalshiFeedProtocol#changeTickers}). */
    public Future<Void> changeTickers(List<String> tickers) {
        Promise<Void> changed = Promise.promise();
        context.runOnContext(v -> {
            follow(tickers);
            if (board != null) {
                List<String> added = tickers.stream()
                        .filter(ticker -> board.view(ticker) == null)
                        .toList();
                board.tickers(tickers);
                lookUp(added);
            }
            changed.complete();
        });
        return changed.future();
    }

    private void follow(List<String> tickers) {
        protocol.changeTickers(tickers, connection.clock().nowNanos());
        freshness.follow(protocol.tickers());
    }

    private void publishHealth() {
        vertx.eventBus().publish(Addresses.FEED_HEALTH, health());
    }

    /** The feed's health now. Call it on the verticle's event loop. */
    FeedHealth health() {
        KalshiBookSession session = protocol.session();
        List<String> streamed = List.copyOf(new TreeSet<>(protocol.tickers()));
        return new FeedHealth(
                Platform.KALSHI,
                instanceId,
                connection.connected(),
                connection.lastFrameAtMillis(),
                connection.lastFrameAgeMillis(),
                session.frames(),
                session.malformed(),
                session.gaps(),
                session.duplicates(),
                connection.reconnects(),
                streamed,
                freshness.staleInstruments(),
                connection.lastError(),
                session.counters().malformedByReason(),
                session.diverged(),
                protocol.refused());
    }

    /** Closes the socket (publishing the books' staleness), then flushes and closes the capture. */
    @Override
    public Future<?> stop() {
        if (healthTimer != -1) {
            vertx.cancelTimer(healthTimer);
        }
        if (answerTimer != -1) {
            vertx.cancelTimer(answerTimer);
        }
        Future<Void> closed = connection == null ? Future.succeededFuture() : connection.stop();
        return closed.eventually(() -> {
            if (connection != null) {
                publishHealth();
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
