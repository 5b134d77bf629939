package com.doubletime.kalshi.rest;

import com.doubletime.domain.Levels;
import io.vertx.core.json.JsonObject;

/**
 * {@code GET /markets/{ticker}/orderbook}: bids only, YES bids in YES prices and NO bids in NO prices, as
 * sent (kalshi.md §3.5, §4.1). Accepts the current {@code {"orderbook_fp":{"yes_dollars":…,"no_dollars":…}}}
 * and a bare body ({@code {"yes_dollars":…}} or {@code {"yes":…,"no":…}} with dollar strings), which older
 * responses used (GOTCHAS #16). The legacy integer-cent {@code orderbook} key, removed 2026-03-12, is refused.
 */
public record KalshiRestOrderbook(String ticker, Levels yesBids, Levels noBids) {

    public static KalshiRestOrderbook parse(String ticker, JsonObject body) {
        JsonObject book = body.getValue("orderbook_fp") instanceof JsonObject fp ? fp : body;
        if (book == body && body.containsKey("orderbook")) {
            throw new IllegalArgumentException("legacy integer 'orderbook' response; the API now sends orderbook_fp");
        }
        String yesKey = book.containsKey("yes_dollars") ? "yes_dollars" : "yes";
        String noKey = book.containsKey("no_dollars") ? "no_dollars" : "no";
        return new KalshiRestOrderbook(ticker, KalshiJson.levels(book, yesKey), KalshiJson.levels(book, noKey));
    }
}
