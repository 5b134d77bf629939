package com.doubletime.kalshi.rest;

import com.doubletime.domain.discovery.MarketListing;
import com.doubletime.domain.discovery.PairDiscovery;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * One entry of {@code GET /markets} (kalshi.md §4.1), the fields the system uses. Prices are FixedPoint
 * dollars, {@link KalshiJson#ABSENT} when the venue sent none.
 *
 * <p>The descriptive fields are for pair discovery. They follow Kalshi's {@code Market} schema: {@code title}
 * and {@code subtitle} (marked deprecated but still sent), {@code yes_sub_title} / {@code no_sub_title} (what
 * YES and NO mean, e.g. "$150,000 or above"), {@code close_time} (ISO-8601), {@code strike_type} (one of
 * {@code greater, greater_or_equal, less, less_or_equal, between, functional, custom, structured}) and
 * {@code floor_strike} / {@code cap_strike} (JSON numbers, nullable: the lowest / highest expiration value that
 * settles YES). Any of them may be absent; absent ones are null.
 *
 * @param priceLevelStructure the tick rule's name; the ticks themselves are in {@code price_ranges}
 * @param exchangeIndex       the shard whose balance the market's orders draw on (kalshi.md §1)
 * @param closeTime           {@code close_time} as sent (ISO-8601), or null
 */
public record KalshiMarket(
        String ticker,
        String eventTicker,
        String status,
        String marketType,
        long yesBid,
        long yesAsk,
        long lastPrice,
        String priceLevelStructure,
        int exchangeIndex,
        String title,
        String subtitle,
        String yesSubTitle,
        String noSubTitle,
        String closeTime,
        String strikeType,
        BigDecimal floorStrike,
        BigDecimal capStrike) {

    static KalshiMarket fromJson(JsonObject market) {
        return new KalshiMarket(
                KalshiJson.requiredString(market, "ticker"),
                market.getString("event_ticker"),
                market.getString("status"),
                market.getString("market_type"),
                KalshiJson.optionalDecimal(market, "yes_bid_dollars"),
                KalshiJson.optionalDecimal(market, "yes_ask_dollars"),
                KalshiJson.optionalDecimal(market, "last_price_dollars"),
                market.getString("price_level_structure"),
                market.getInteger("exchange_index", 0),
                text(market, "title"),
                text(market, "subtitle"),
                text(market, "yes_sub_title"),
                text(market, "no_sub_title"),
                text(market, "close_time"),
                text(market, "strike_type"),
                strike(market, "floor_strike"),
                strike(market, "cap_strike"));
    }

    /**
     * The question as a trader reads it on Kalshi's site: the title, then what YES means. Kalshi puts the strike
     * in {@code yes_sub_title} ("Bitcoin price on Dec 31, 2026?" + "$150,000 or above"); when that is absent the
     * strike fields are spelled out instead ("above 150000"), so discovery still sees the threshold and direction.
     */
    public String question() {
        String base = title != null ? title : subtitle != null ? subtitle : ticker;
        if (yesSubTitle != null && !base.contains(yesSubTitle)) {
            return base + " " + yesSubTitle;
        }
        if (yesSubTitle == null && strikeType != null) {
            String strike = switch (strikeType) {
                case "greater", "greater_or_equal" ->
                    floorStrike == null ? null : "above " + floorStrike.toPlainString();
                case "less", "less_or_equal" -> capStrike == null ? null : "below " + capStrike.toPlainString();
                case "between" ->
                    floorStrike == null || capStrike == null
                            ? null
                            : "between " + floorStrike.toPlainString() + " and " + capStrike.toPlainString();
                default -> null;
            };
            return strike == null ? base : base + " " + strike;
        }
        return base;
    }

    /** This market as pair discovery scores it: the ticker, {@link #question()} and the close day (UTC). */
    public MarketListing listing() {
        LocalDate closes;
        try {
            closes = PairDiscovery.day(closeTime);
        } catch (DateTimeException | IndexOutOfBoundsException e) {
            closes = null; // an unreadable close time scores as unknown, it does not drop the market
        }
        return MarketListing.kalshi(ticker, question(), closes);
    }

    private static String text(JsonObject market, String field) {
        Object value = market.getValue(field);
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    private static BigDecimal strike(JsonObject market, String field) {
        Object value = market.getValue(field);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal strike = new BigDecimal(value.toString().trim()).stripTrailingZeros();
            return strike.scale() < 0 ? strike.setScale(0) : strike;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not a number: " + value);
        }
    }
}
