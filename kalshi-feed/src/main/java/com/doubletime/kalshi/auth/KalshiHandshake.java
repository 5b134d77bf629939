package com.doubletime.kalshi.auth;

import io.vertx.core.MultiMap;
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

    @Override
    public MultiMap apply(String path) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        signer.headers("GET", path).forEach(headers::add);
        return headers;
    }
}
