package com.doubletime.kalshi.market;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.market.MarketStatus;
import com.doubletime.domain.market.MarketView;
import com.doubletime.domain.market.Resolution;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Kalshi feed's view of each paired market's life, from {@code GET /markets/{ticker}} (at start, when a pair is
 * added, after a lifecycle gap) and the {@code market_lifecycle_v2} channel, published as
 * {@link MarketStatusChanged} whenever it changes. Pure: a unit test drives it without Vert.x.
 *
 * <p>Mapping (kalshi.md §4.1, §3.7): REST {@code active} → open; {@code initialized}, {@code inactive} → paused;
 * {@code closed} → closed; {@code determined}, {@code disputed}, {@code amended} → determined; {@code finalized},
 * {@code settled} → settled. Lifecycle {@code activated}/{@code deactivated} (with {@code is_deactivated}) → open /
 * paused, {@code determined} → determined with {@code result} and {@code settlement_value}, {@code settled} →
 * settled. The venue sends no event when a market simply reaches its close time, so {@link #onClock} closes an open
 * market whose close time has passed. Expected resolution: {@code expected_expiration_time}, else
 * {@code close_time}; a {@code close_date_updated} moves it with the close, keeping the gap between them.
 */
public final class KalshiMarketBoard {
    private final Map<String, MarketView> views = new LinkedHashMap<>();
    private final Set<String> tickers = new LinkedHashSet<>();
    private final Consumer<MarketStatusChanged> out;

    public KalshiMarketBoard(Collection<String> tickers, Consumer<MarketStatusChanged> out) {
        this.tickers.addAll(tickers);
        this.out = out;
    }

    /** The paired tickers changed: views of tickers no longer paired are forgotten. */
    public void tickers(Collection<String> paired) {
        tickers.clear();
        tickers.addAll(paired);
        views.keySet().retainAll(tickers);
    }

    public boolean follows(String ticker) {
        return tickers.contains(ticker);
    }

    public MarketView view(String ticker) {
        return views.get(ticker);
    }

    /** A {@code GET /markets/{ticker}} answer's {@code market} object. */
    public void onMarket(JsonObject market, long nowMillis) {
        String ticker = market.getString("ticker");
        if (ticker == null || !tickers.contains(ticker)) {
            return;
        }
        MarketStatus status = status(market.getString("status"));
        long close = instant(market.getString("close_time"));
        long expected = instant(market.getString("expected_expiration_time"));
        Resolution resolution = null;
        if (status.isResolved()) {
            resolution = resolution(market.getString("result"), market.getString("settlement_value_dollars"));
            if (resolution == null) {
                status = MarketStatus.CLOSED; // resolved without a readable result: not tradable, not settleable
            }
        }
        MarketView view = new MarketView(
                Platform.KALSHI,
                ticker,
                status,
                close,
                expected != MarketView.UNKNOWN ? expected : close,
                market.getInteger("exchange_index", 0),
                resolution);
        publish(view, "rest", nowMillis);
    }

    public void onLifecycle(KalshiLifecycleMessage message, long nowMillis) {
        MarketView current = views.get(message.ticker());
        if (current == null) {
            return; // not paired, or not looked up yet (the lookup will give the whole state)
        }
        MarketView next = current;
        switch (message.eventType()) {
            case "activated" -> next = current.withStatus(MarketStatus.OPEN, null);
            case "deactivated" ->
                next = current.withStatus(message.isDeactivated() == 0 ? MarketStatus.OPEN : MarketStatus.PAUSED, null);
            case "close_date_updated", "created" -> {
                if (message.closeTs() != KalshiLifecycleMessage.ABSENT) {
                    long close = message.closeTs() * 1000;
                    long expected = message.expectedExpirationTs() != KalshiLifecycleMessage.ABSENT
                            ? message.expectedExpirationTs() * 1000
                            : moved(current, close);
                    next = current.withTimes(close, expected);
                }
                if (message.exchangeIndex() >= 0) {
                    next = next.withExchangeIndex(message.exchangeIndex());
                }
            }
            case "determined" -> {
                String value = message.settlementValue() == KalshiLifecycleMessage.ABSENT
                        ? null
                        : FixedPoint.format(message.settlementValue(), 4);
                Resolution resolution = resolution(message.result(), value);
                next = resolution == null
                        ? current.withStatus(MarketStatus.CLOSED, null)
                        : current.withStatus(MarketStatus.DETERMINED, resolution);
            }
            case "settled" ->
                next = current.resolution() == null
                        ? current.withStatus(MarketStatus.CLOSED, null) // settled before we saw the result: ask REST
                        : current.withStatus(MarketStatus.SETTLED, current.resolution());
            default -> {
                // price_level_structure_updated, metadata_updated: nothing about the market's life
            }
        }
        if (!next.equals(current)) {
            publish(next, "lifecycle:" + message.eventType(), nowMillis);
        }
    }

    /** Markets still open past their close time are closed (the venue announces no plain close). */
    public void onClock(long nowMillis) {
        for (MarketView view : views.values().toArray(MarketView[]::new)) {
            if (view.status() == MarketStatus.OPEN
                    && view.closeTimeMillis() != MarketView.UNKNOWN
                    && view.closeTimeMillis() <= nowMillis) {
                publish(view.withStatus(MarketStatus.CLOSED, null), "clock", nowMillis);
            }
        }
    }

    /** Publishes every view again (a late subscriber asked). */
    public void resend(long nowMillis) {
        views.values().forEach(view -> out.accept(new MarketStatusChanged(view, "resend", nowMillis)));
    }

    private void publish(MarketView view, String cause, long nowMillis) {
        MarketView before = views.put(view.market(), view);
        if (!view.equals(before)) {
            out.accept(new MarketStatusChanged(view, cause, nowMillis));
        }
    }

    /** The new close moves the expected resolution by as much, keeping the venue's settlement lag. */
    private static long moved(MarketView current, long newClose) {
        if (current.closeTimeMillis() == MarketView.UNKNOWN
                || current.expectedResolutionMillis() == MarketView.UNKNOWN) {
            return newClose;
        }
        return newClose + Math.max(0, current.expectedResolutionMillis() - current.closeTimeMillis());
    }

    public static MarketStatus status(String rest) {
        if (rest == null) {
            return MarketStatus.CLOSED;
        }
        return switch (rest) {
            case "active", "open" -> MarketStatus.OPEN;
            case "initialized", "inactive", "unopened", "paused" -> MarketStatus.PAUSED;
            case "determined", "disputed", "amended" -> MarketStatus.DETERMINED;
            case "finalized", "settled" -> MarketStatus.SETTLED;
            default -> MarketStatus.CLOSED; // closed, or a status this build does not know: never tradable
        };
    }

    /**
     * {@code yes} pays 1, {@code no} 0; any other result ({@code scalar}, {@code ""} for void) pays the settlement
     * value. Null when there is no usable value.
     */
    static Resolution resolution(String result, String settlementValue) {
        String word = result == null ? "" : result;
        if (settlementValue != null) {
            try {
                return new Resolution(FixedPoint.parse(settlementValue), word.isEmpty() ? "void" : word);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return switch (word) {
            case "yes" -> Resolution.YES;
            case "no" -> Resolution.NO;
            default -> null;
        };
    }

    private static long instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return MarketView.UNKNOWN;
        }
        try {
            return Instant.parse(iso).toEpochMilli();
        } catch (DateTimeParseException e) {
            return MarketView.UNKNOWN;
        }
    }
}
