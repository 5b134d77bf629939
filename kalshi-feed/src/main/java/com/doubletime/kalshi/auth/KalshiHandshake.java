package com.doubletime.kalshi.auth;

import com.doubletime.feed.FeedConnection;
import io.vertx.core.MultiMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The signed WebSocket upgrade (kalshi.md §1–2): every connection, public channels included, needs the
 * {@code KALSHI-ACCESS-*} headers over {@code GET /trade-api/ws/v2}. Plugged into the feed connection's
 * handshake seam, which calls it on every (re)connect, so each attempt carries a fresh timestamp.
 */
public final class KalshiHandshake implements Function<String, MultiMap> {
    private final KalshiSigner signer;

    public KalshiHandshake(KalshiSigner signer) {
        this.signer = signer;
    }

    /**
     * The handshake for {@code KALSHI_API_KEY_ID} / {@code KALSHI_PRIVATE_KEY_PEM_PATH}, or none when neither
     * is set (the local simulator with auth off). Fails at start-up when only one is set or the key is bad.
     */
    public static Function<String, MultiMap> fromEnvironment(Map<String, String> env) {
        return KalshiCredentials.fromEnvironment(env)
                .<Function<String, MultiMap>>map(credentials -> new KalshiHandshake(new KalshiSigner(credentials)))
                .orElse(FeedConnection.NO_HEADERS);
    }

    @Override
    public MultiMap apply(String path) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        signer.headers("GET", path).forEach(headers::add);
        return headers;
    }
}
