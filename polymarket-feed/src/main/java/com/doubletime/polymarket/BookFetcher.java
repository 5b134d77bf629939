package com.doubletime.polymarket;

import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;

/** Fetches one asset's REST {@code GET /book} summary; answers on the feed's event loop. */
interface BookFetcher {
    void fetch(String assetId, Consumer<JsonObject> onBook, Consumer<String> onFailure);

    /** For protocols without REST (unit tests): every fetch fails, so resyncs fall back to a resubscribe. */
    BookFetcher NONE = (assetId, onBook, onFailure) -> onFailure.accept("no REST client");
}
