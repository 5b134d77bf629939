package com.doubletime.kalshi.rest;

import com.doubletime.feed.Backoff;
import com.doubletime.kalshi.auth.KalshiPresigner;
import com.doubletime.kalshi.auth.KalshiSigner;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kalshi's REST API over the Vert.x WebClient (kalshi.md §2, §4, §6): every request signed (when
 * credentials are configured), paced by the tier's read or write {@link TokenBucket}, retried after a 429
 * with exponential backoff and jitter (Kalshi sends no Retry-After), and a 401 turned into a
 * {@link KalshiAuthException} that says what to check. Other error statuses fail with
 * {@link KalshiApiException} carrying the venue's code.
 *
 * <p>Signing: a path registered with {@link #keepSigned} (the order endpoint) goes out with a signature made ahead by
 * a {@link KalshiPresigner} (renewed on a worker, at most {@link KalshiPresigner#DEFAULT_MAX_AGE_MILLIS} old), so
 * the request is written at once from the caller's thread; any other request is signed on a worker (RSA-PSS takes
 * over a millisecond). A 401 is answered by signing afresh and sending once more: the venue refused the request (an
 * order was not placed), perhaps for a timestamp older than it accepts.
 *
 * <p>Safe to call from any thread; results complete on a Vert.x context.
 */
public final class KalshiRestClient {
    /** Which token bucket a request draws on: orders and cancels write, everything else reads. */
    public enum Bucket {
        READ,
        WRITE
    }

    private static final System.Logger LOG = System.getLogger(KalshiRestClient.class.getName());
    private static final int MAX_PAGE_SIZE = 1000;
    /** How long after a ready signature was used its path is signed again (both legs written by then). */
    static final long RENEW_AFTER_TAKE_MILLIS = 25;

    private final Vertx vertx;
    private final KalshiRestConfig config;
    private final KalshiSigner signer;
    private final WebClient client;
    private final String origin;
    private final TokenBucket readBucket;
    private final TokenBucket writeBucket;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong reSigned = new AtomicLong();
    private final KalshiPresigner presigner;
    private final AtomicBoolean renewing = new AtomicBoolean();
    private volatile long renewTimer = -1;

    /** @param signer null for unsigned requests (a simulator with auth off) */
    public KalshiRestClient(Vertx vertx, KalshiRestConfig config, KalshiSigner signer) {
        this.vertx = vertx;
        this.config = config;
        this.signer = signer;
        this.client = WebClient.create(
                vertx, new WebClientOptions().setUserAgent("double-time").setConnectTimeout((int)
                                Math.min(Integer.MAX_VALUE, config.requestTimeoutMillis())));
        URI base = URI.create(config.baseUrl());
        this.origin = base.getScheme() + "://" + base.getRawAuthority();
        this.readBucket = config.tier().newReadBucket();
        this.writeBucket = config.tier().newWriteBucket();
        this.presigner = signer == null ? null : new KalshiPresigner(signer, KalshiPresigner.DEFAULT_MAX_AGE_MILLIS);
    }

    /**
     * Keeps a signature ready for {@code method} on {@code path} (below the base URL, like {@link #request}'s), renewed
     * on a worker by a timer until {@link #close}: requests to it are then written without signing first. Nothing
     * when requests are unsigned.
     */
    public synchronized void keepSigned(HttpMethod method, String path) {
        if (presigner == null) {
            return;
        }
        presigner.keepReady(method.name(), config.basePath() + path);
        if (renewTimer < 0) {
            renewTimer = vertx.setPeriodic(presigner.renewIntervalMillis(), id -> renewSignatures());
        }
        renewSignatures();
    }

    /** Signs what is missing or ageing, on a worker; at most one renewal runs at a time. */
    private void renewSignatures() {
        if (renewing.compareAndSet(false, true)) {
            vertx.executeBlocking(presigner::renew, false).onComplete(done -> {
                renewing.set(false);
                if (done.failed()) {
                    LOG.log(System.Logger.Level.WARNING, "kalshi signature renewal failed: " + done.cause());
                }
            });
        }
    }

    /** The signatures kept ready, or null when requests are unsigned. */
    public KalshiPresigner presigner() {
        return presigner;
    }

    public KalshiRestConfig config() {
        return config;
    }

    public Future<JsonObject> get(String path, Map<String, String> query) {
        return request(HttpMethod.GET, path, query, null, Bucket.READ, KalshiRateTier.DEFAULT_COST);
    }

    /**
     * One call, retried on 429.
     *
     * @param path  below the base URL, e.g. {@code /markets/KX-1/orderbook}
     * @param query unencoded parameters (not signed: Kalshi signs the path only), or null
     * @param body  JSON body, or null
     */
    public Future<JsonObject> request(
            HttpMethod method, String path, Map<String, String> query, JsonObject body, Bucket bucket, int cost) {
        String signedPath = config.basePath() + path;
        String uri = signedPath + encode(query);
        return attempt(
                new Call(
                        method,
                        signedPath,
                        uri,
                        body,
                        bucket,
                        cost,
                        new Backoff(config.retryInitialMillis(), config.retryMaxMillis())),
                0,
                false);
    }

    /** One request as its attempts share it: what is sent, the bucket it costs, the backoff between 429s. */
    private record Call(
            HttpMethod method,
            String signedPath,
            String uri,
            JsonObject body,
            Bucket bucket,
            int cost,
            Backoff backoff) {}

    private Future<JsonObject> attempt(Call call, int retries, boolean reSignedAfter401) {
        long waitMillis = (call.bucket() == Bucket.WRITE ? writeBucket : readBucket).reserve(call.cost());
        String signedPath = call.signedPath();
        return delay(waitMillis)
                .compose(v -> send(call.method(), signedPath, call.uri(), call.body(), reSignedAfter401))
                .compose(response -> {
                    if (response.statusCode() == KalshiApiException.UNAUTHORIZED
                            && signer != null
                            && !reSignedAfter401) {
                        reSigned.incrementAndGet();
                        LOG.log(
                                System.Logger.Level.WARNING,
                                "kalshi 401 on " + call.method() + " " + signedPath
                                        + ": signing afresh, sending once more");
                        return attempt(call, retries, true);
                    }
                    if (response.statusCode() == KalshiApiException.TOO_MANY_REQUESTS) {
                        rateLimited.incrementAndGet();
                        if (retries >= config.maxRetries()) {
                            return Future.failedFuture(new KalshiRateLimitedException(signedPath, retries + 1));
                        }
                        long backoffMillis = call.backoff().nextDelayMillis();
                        LOG.log(
                                System.Logger.Level.WARNING,
                                "kalshi 429 on " + call.method() + " " + signedPath + ": retrying in " + backoffMillis
                                        + " ms (" + (retries + 1) + "/" + config.maxRetries() + ")");
                        return delay(backoffMillis).compose(v -> attempt(call, retries + 1, reSignedAfter401));
                    }
                    return Future.succeededFuture(response).compose(r -> decode(r, signedPath));
                });
    }

    /** @param fresh sign now even when a signature is kept ready (a resend after 401) */
    private Future<HttpResponse<Buffer>> send(
            HttpMethod method, String signedPath, String uri, JsonObject body, boolean fresh) {
        requests.incrementAndGet();
        var request = client.requestAbs(method, origin + uri).timeout(config.requestTimeoutMillis());
        request.putHeader("Accept", "application/json");
        if (signer == null) {
            return body == null ? request.send() : request.sendJsonObject(body);
        }
        Map<String, String> ready = fresh ? null : presigner.take(method.name(), signedPath);
        if (ready != null) {
            ready.forEach(request::putHeader);
            Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJsonObject(body);
            // the next order on this path finds one ready again; not at once: on two cores a worker signing now
            // would take the CPU the trade's other leg and the answers need
            vertx.setTimer(RENEW_AFTER_TAKE_MILLIS, id -> renewSignatures());
            return sent;
        }
        // signed per attempt (a retry after backoff needs a fresh timestamp), on a worker: RSA-PSS takes 1-2 ms,
        // and the caller's event loop meanwhile goes on (the executor's other leg signs in parallel)
        return vertx.<Map<String, String>>executeBlocking(() -> signer.headers(method.name(), signedPath), false)
                .compose(headers -> {
                    headers.forEach(request::putHeader);
                    return body == null ? request.send() : request.sendJsonObject(body);
                });
    }

    private static Future<JsonObject> decode(HttpResponse<Buffer> response, String path) {
        int status = response.statusCode();
        Buffer raw = response.body();
        JsonObject json;
        try {
            json = raw == null || raw.length() == 0 ? new JsonObject() : new JsonObject(raw);
        } catch (DecodeException | ClassCastException e) {
            if (status >= KalshiApiException.CLIENT_ERROR) {
                return Future.failedFuture(new KalshiApiException(
                        status, "http_" + status, "Kalshi answered HTTP " + status + " to " + path));
            }
            return Future.failedFuture(new KalshiApiException(
                    status,
                    "malformed_response",
                    "Kalshi answered " + path + " with a body that is not a JSON object"));
        }
        if (status < KalshiApiException.CLIENT_ERROR) {
            return Future.succeededFuture(json);
        }
        String code = "http_" + status;
        String message = "HTTP " + status;
        Object error = json.getValue("error");
        if (error instanceof JsonObject details) {
            code = details.getString("code", code);
            message = details.getString("message", message)
                    + (details.getString("details") == null ? "" : " (" + details.getString("details") + ")");
        } else if (error instanceof String text) {
            message = text;
        } else if (json.getValue("code") instanceof String flat) {
            code = flat;
            message = json.getString("message", message);
        }
        if (status == KalshiApiException.UNAUTHORIZED) {
            return Future.failedFuture(new KalshiAuthException(code, message, path));
        }
        return Future.failedFuture(
                new KalshiApiException(status, code, "Kalshi " + path + ": " + code + ": " + message));
    }

    /** Every market matching {@code filters} ({@code status}, {@code event_ticker}, {@code tickers} …), all pages. */
    public Future<List<KalshiMarket>> markets(Map<String, String> filters) {
        return marketPages(filters, null, new ArrayList<>());
    }

    private Future<List<KalshiMarket>> marketPages(
            Map<String, String> filters, String cursor, List<KalshiMarket> into) {
        Map<String, String> query = new LinkedHashMap<>(filters);
        query.put("limit", Integer.toString(MAX_PAGE_SIZE));
        if (cursor != null) {
            query.put("cursor", cursor);
        }
        return get("/markets", query).compose(page -> {
            Object markets = page.getValue("markets");
            if (!(markets instanceof JsonArray list)) {
                return Future.failedFuture(new KalshiApiException(
                        KalshiApiException.OK, "malformed_response", "GET /markets without a markets array"));
            }
            for (Object market : list) {
                if (market instanceof JsonObject object) {
                    into.add(KalshiMarket.fromJson(object));
                }
            }
            String next = page.getString("cursor");
            // an empty cursor means no next page (kalshi.md §4); a repeated one would loop forever
            return next == null || next.isEmpty() || next.equals(cursor) || list.isEmpty()
                    ? Future.succeededFuture(into)
                    : marketPages(filters, next, into);
        });
    }

    /**
     * The REST book of one market, all levels ({@code depth} 0) or the best {@code depth}. A snapshot
     * fallback for tools and checks: it carries no {@code seq}, so the feed never splices it into the
     * WebSocket delta stream (it resyncs with {@code get_snapshot} or a resubscribe instead).
     */
    public Future<KalshiRestOrderbook> orderbook(String ticker, int depth) {
        Map<String, String> query = depth > 0 ? Map.of("depth", Integer.toString(depth)) : Map.of();
        return get("/markets/" + pathSegment(ticker) + "/orderbook", query).compose(body -> {
            try {
                return Future.succeededFuture(KalshiRestOrderbook.parse(ticker, body));
            } catch (IllegalArgumentException e) {
                return Future.failedFuture(new KalshiApiException(
                        KalshiApiException.OK, "malformed_response", "orderbook of " + ticker + ": " + e.getMessage()));
            }
        });
    }

    /** Requests sent, retries included. */
    public long requests() {
        return requests.get();
    }

    /** 429 answers received. */
    public long rateLimited() {
        return rateLimited.get();
    }

    /** Requests signed afresh and sent once more after a 401. */
    public long reSignedAfter401() {
        return reSigned.get();
    }

    public Future<Void> close() {
        synchronized (this) {
            if (renewTimer >= 0) {
                vertx.cancelTimer(renewTimer);
                renewTimer = -1;
            }
        }
        client.close();
        return Future.succeededFuture();
    }

    private Future<Void> delay(long millis) {
        if (millis <= 0) {
            return Future.succeededFuture();
        }
        Promise<Void> promise = Promise.promise();
        vertx.setTimer(millis, id -> promise.complete());
        return promise.future();
    }

    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encode(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        query.forEach((key, value) -> out.append(out.length() == 0 ? '?' : '&')
                .append(URLEncoder.encode(key, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
