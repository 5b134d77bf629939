package com.doubletime.feed;

import com.doubletime.domain.EpochNanoClock;
import com.doubletime.domain.Platform;
import com.doubletime.feed.capture.CaptureWriter;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One venue WebSocket kept alive: connects, reconnects with {@link Backoff} after any loss, declares the
 * socket dead when no frame arrived for {@code idleTimeoutMillis}, and records frames and connection
 * boundaries to an optional {@link CaptureWriter} before the feed sees them. Any frame counts as a sign of
 * life, WebSocket pings and pongs included. The venue protocol
 * (subscriptions, keepalive messages, parsing) stays in the feed's {@link Listener}.
 *
 * <p>Everything runs on the event loop of the verticle that calls {@link #start}; not thread-safe.
 */
public final class FeedConnection implements FeedLink {
    /** Liveness is checked a few times per idle timeout, between 10 ms and once a second. */
    private static final long CHECKS_PER_TIMEOUT = 4;

    private static final long MIN_CHECK_MILLIS = 10;
    private static final long MAX_CHECK_MILLIS = 1_000;
    private static final int HTTPS_PORT = 443;
    private static final int HTTP_PORT = 80;

    /** The feed's side of the connection. Called on the event loop. */
    public interface Listener {
        /** A socket is open: send the subscriptions. */
        void onOpen(long atNanos);

        /** One text frame, already recorded to the capture. */
        void onText(String frame, long atNanos);

        /** The socket is gone, whatever the cause; called once per {@link #onOpen}. */
        void onClosed(String reason, long atNanos);
    }

    /** Handshake headers for a request path: none, until a venue needs a signed handshake. */
    public static final Function<String, MultiMap> NO_HEADERS = path -> null;

    /** Venue initial dumps can hold thousands of levels; Vert.x's default 256 KiB message limit is too small. */
    private static final int MAX_MESSAGE_BYTES = 64 << 20;

    private static final System.Logger LOG = System.getLogger(FeedConnection.class.getName());

    private final Vertx vertx;
    private final Platform venue;
    private final URI uri;
    private final long idleTimeoutNanos;
    private final Backoff backoff;
    private final Function<String, MultiMap> handshakeHeaders;
    private final CaptureWriter capture;
    private final EpochNanoClock clock;
    private Listener listener;
    private WebSocketClient client;
    private WebSocket socket;
    private long generation;
    private long reconnectTimer = -1;
    private long livenessTimer = -1;
    private long lastActivityNanoTime;
    private long lastFrameEpochNanos;
    private boolean started;
    private boolean stopping;
    private long reconnects;
    private String lastError;

    /**
     * @param handshakeHeaders given the request path, the headers of the upgrade request (for example a
     *                         signature); called again on every reconnect so signatures stay fresh
     * @param capture          where to record traffic, or {@code null}
     */
    public FeedConnection(
            Vertx vertx,
            Platform venue,
            String wsUrl,
            long idleTimeoutMillis,
            Backoff backoff,
            Function<String, MultiMap> handshakeHeaders,
            CaptureWriter capture,
            EpochNanoClock clock) {
        this.vertx = vertx;
        this.venue = venue;
        this.uri = parseUrl(wsUrl);
        if (idleTimeoutMillis <= 0) {
            throw new IllegalArgumentException("idleTimeoutMillis must be positive");
        }
        this.idleTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(idleTimeoutMillis);
        this.backoff = backoff;
        this.handshakeHeaders = handshakeHeaders;
        this.capture = capture;
        this.clock = clock;
    }

    static URI parseUrl(String wsUrl) {
        URI uri;
        try {
            uri = URI.create(wsUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a WebSocket URL: " + wsUrl, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss") || uri.getHost() == null) {
            throw new IllegalArgumentException("not a ws:// or wss:// URL: " + wsUrl);
        }
        return uri;
    }

    /** Connects, and keeps connecting, on the calling verticle's event loop. */
    public void start(Listener listener) {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        this.listener = listener;
        client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxMessageSize(MAX_MESSAGE_BYTES)
                .setMaxFrameSize(MAX_MESSAGE_BYTES));
        long checkMillis = Math.max(
                MIN_CHECK_MILLIS,
                Math.min(MAX_CHECK_MILLIS, TimeUnit.NANOSECONDS.toMillis(idleTimeoutNanos) / CHECKS_PER_TIMEOUT));
        livenessTimer = vertx.setPeriodic(checkMillis, id -> checkLiveness());
        connect();
    }

    private void connect() {
        reconnectTimer = -1;
        if (stopping) {
            return;
        }
        long attempt = ++generation;
        boolean ssl = uri.getScheme().equalsIgnoreCase("wss");
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? HTTPS_PORT : HTTP_PORT;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(ssl)
                .setURI(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery())
                .setConnectTimeout(TimeUnit.NANOSECONDS.toMillis(idleTimeoutNanos));
        try {
            MultiMap headers = handshakeHeaders.apply(path);
            if (headers != null) {
                options.setHeaders(headers);
            }
        } catch (RuntimeException e) {
            // e.g. a signer that cannot read its key: keep retrying, the health report shows why
            connectFailed("handshake headers: " + e);
            return;
        }
        // the TCP connect is bounded by the option above; this bounds the upgrade handshake as well
        long deadline = vertx.setTimer(TimeUnit.NANOSECONDS.toMillis(idleTimeoutNanos), id -> {
            if (attempt == generation && socket == null && !stopping) {
                generation++;
                connectFailed("handshake timed out");
            }
        });
        client.connect(options).onComplete(result -> {
            vertx.cancelTimer(deadline);
            if (attempt != generation || stopping) {
                if (result.succeeded()) {
                    result.result().close(); // abandoned attempt: the deadline passed or the feed stopped
                }
            } else if (result.failed()) {
                connectFailed(String.valueOf(result.cause().getMessage()));
            } else {
                opened(result.result());
            }
        });
    }

    private void connectFailed(String reason) {
        noteError(venue.wireName() + " connect to " + uri + " failed: " + reason);
        LOG.log(System.Logger.Level.WARNING, lastError);
        scheduleReconnect();
    }

    private void opened(WebSocket ws) {
        socket = ws;
        lastActivityNanoTime = System.nanoTime();
        long at = clock.nowNanos();
        if (capture != null) {
            capture.event(venue, at, CaptureWriter.CONNECTED);
        }
        LOG.log(System.Logger.Level.INFO, venue.wireName() + " connected to " + uri);
        ws.textMessageHandler(frame -> onText(ws, frame));
        // a venue's protocol pings (Kalshi: every 10 s; Vert.x answers them) prove the link is alive even
        // when the market is quiet; text frames are handled above
        ws.frameHandler(frame -> {
            if (ws == socket && !frame.isText() && !frame.isContinuation()) {
                lastActivityNanoTime = System.nanoTime();
            }
        });
        ws.closeHandler(v -> {
            if (ws == socket) {
                Short code = ws.closeStatusCode();
                lost(code == null ? "connection closed" : "closed by peer (" + code + " " + ws.closeReason() + ")");
            }
        });
        ws.exceptionHandler(e -> {
            if (ws == socket) {
                noteError(venue.wireName() + " socket error: " + e.getMessage());
            }
        });
        try {
            listener.onOpen(at);
        } catch (RuntimeException e) {
            // without its subscriptions the socket is useless (and venue pings would keep it "alive")
            LOG.log(System.Logger.Level.ERROR, venue.wireName() + " subscribing failed", e);
            reconnect("subscribing failed: " + e);
        }
    }

    private void onText(WebSocket ws, String frame) {
        if (ws != socket) {
            return; // a socket already given up on (idle) can still deliver buffered frames
        }
        long nanoTime = System.nanoTime();
        long at = clock.toEpochNanos(nanoTime);
        lastActivityNanoTime = nanoTime;
        lastFrameEpochNanos = at;
        if (capture != null) {
            capture.frame(venue, at, frame);
        }
        try {
            listener.onText(frame, at);
        } catch (RuntimeException e) {
            // a bug on one frame must not take the feed down; the frame is in the capture for replay
            noteError(venue.wireName() + " frame handling failed: " + e);
            LOG.log(System.Logger.Level.ERROR, venue.wireName() + " frame handling failed", e);
        }
    }

    private void checkLiveness() {
        if (socket != null && System.nanoTime() - lastActivityNanoTime > idleTimeoutNanos) {
            String reason = "no frame for " + TimeUnit.NANOSECONDS.toMillis(idleTimeoutNanos) + " ms";
            noteError(venue.wireName() + " " + reason);
            LOG.log(System.Logger.Level.WARNING, venue.wireName() + " connection idle: " + reason + ", reconnecting");
            WebSocket dead = socket;
            lost(reason);
            dead.close();
        }
    }

    /** Detaches the current socket, tells the feed, and reconnects unless stopping. */
    private void lost(String reason) {
        socket = null;
        long at = clock.nowNanos();
        if (capture != null) {
            capture.event(venue, at, CaptureWriter.DISCONNECTED);
        }
        LOG.log(System.Logger.Level.INFO, venue.wireName() + " disconnected: " + reason);
        try {
            listener.onClosed(reason, at);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, venue.wireName() + " disconnect handling failed", e);
        }
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (stopping || reconnectTimer != -1) {
            return;
        }
        long delay = backoff.nextDelayMillis();
        reconnects++;
        LOG.log(System.Logger.Level.INFO, venue.wireName() + " reconnecting in " + delay + " ms");
        reconnectTimer = vertx.setTimer(delay, id -> connect());
    }

    /** {@inheritDoc} The next open resubscribes anyway, so a frame unsent while down is not retried. */
    @Override
    public boolean send(String text) {
        if (socket == null) {
            return false;
        }
        socket.writeTextMessage(text).onFailure(e -> noteError(venue.wireName() + " send failed: " + e.getMessage()));
        return true;
    }

    /**
     * The venue served market data on this connection: the next loss reconnects after the initial delay
     * again. Feeds call it on book data, not on any frame, so a venue that accepts the socket and then
     * only answers errors keeps backing off.
     */
    @Override
    public void markHealthy() {
        backoff.reset();
    }

    /** Drops the current socket and reconnects after the backoff delay, e.g. when the venue ended our stream. */
    @Override
    public void reconnect(String reason) {
        WebSocket current = socket;
        if (current != null) {
            lost(reason);
            current.close();
        }
    }

    /** Closes the socket (the feed hears {@link Listener#onClosed}) and stops reconnecting. */
    public Future<Void> stop() {
        stopping = true;
        if (reconnectTimer != -1) {
            vertx.cancelTimer(reconnectTimer);
        }
        if (livenessTimer != -1) {
            vertx.cancelTimer(livenessTimer);
        }
        WebSocket current = socket;
        Future<Void> closed = Future.succeededFuture();
        if (current != null) {
            lost("feed stopped");
            closed = current.close().recover(e -> Future.succeededFuture());
        }
        WebSocketClient toClose = client;
        return toClose == null ? closed : closed.eventually(toClose::close);
    }

    @Override
    public void noteError(String error) {
        lastError = error;
    }

    public String lastError() {
        return lastError;
    }

    public boolean connected() {
        return socket != null;
    }

    public long reconnects() {
        return reconnects;
    }

    /** Epoch milliseconds of the last frame, {@code 0} before the first. */
    public long lastFrameAtMillis() {
        return lastFrameEpochNanos == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(lastFrameEpochNanos);
    }

    /** Milliseconds since the last frame, {@code -1} before the first. */
    public long lastFrameAgeMillis() {
        return lastFrameEpochNanos == 0
                ? -1
                : Math.max(0, TimeUnit.NANOSECONDS.toMillis(clock.nowNanos() - lastFrameEpochNanos));
    }

    public EpochNanoClock clock() {
        return clock;
    }
}
