package com.doubletime.simulator;

import io.vertx.core.json.JsonObject;

/** Told of every market lifecycle change after it has been applied, on the simulator's event loop. */
interface LifecycleListener {

    LifecycleListener IGNORE = new LifecycleListener() {
        @Override
        public void onKalshiLifecycle(KalshiMarketState market, JsonObject msg) {}

        @Override
        public void onPolymarketLifecycle(PolymarketMarketState market, String change) {}
    };

    /**
     * A Kalshi lifecycle event: {@code msg} is the {@code market_lifecycle_v2} message body ({@code market_ticker},
     * {@code event_type} and that type's fields).
     */
    void onKalshiLifecycle(KalshiMarketState market, JsonObject msg);

    /** A Polymarket market changed: {@code paused}, {@code open}, {@code closed}, {@code resolved} or {@code endDate}. */
    void onPolymarketLifecycle(PolymarketMarketState market, String change);
}
