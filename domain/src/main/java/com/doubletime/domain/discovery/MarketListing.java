package com.doubletime.domain.discovery;

import com.doubletime.domain.Platform;
import java.time.LocalDate;

/**
 * One open market from a venue's catalogue, reduced to what matching needs.
 *
 * @param id the Kalshi ticker, or the Polymarket condition id
 * @param title the question as the venue words it
 * @param closes the day the market resolves (UTC), or null when the venue does not say
 * @param yesTokenId Polymarket only: the YES token; null on Kalshi
 * @param noTokenId Polymarket only: the NO token; null on Kalshi
 */
public record MarketListing(
        Platform venue, String id, String title, LocalDate closes, String yesTokenId, String noTokenId) {
    public static MarketListing kalshi(String ticker, String title, LocalDate closes) {
        return new MarketListing(Platform.KALSHI, ticker, title, closes, null, null);
    }

    public static MarketListing polymarket(
            String conditionId, String title, LocalDate closes, String yesTokenId, String noTokenId) {
        return new MarketListing(Platform.POLYMARKET, conditionId, title, closes, yesTokenId, noTokenId);
    }
}
