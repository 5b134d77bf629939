package com.doubletime.polymarket.market;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.market.MarketStatus;
import com.doubletime.domain.market.MarketView;
import com.doubletime.domain.market.Resolution;
import com.doubletime.feed.MalformedFrameException;
import com.doubletime.feed.MalformedReason;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Polymarket feed's view of each paired market's life, from Gamma ({@code endDate}, {@code active},
 * {@code closed}, {@code acceptingOrders}, {@code umaResolutionStatus}, {@code outcomePrices}; polled, the fallback)
 * and the market channel's {@code market_resolved} (sent when the subscription enables
 * {@code custom_feature_enabled}, polymarket.md §2.7), published as {@link MarketStatusChanged} on every change.
 * Pure: a unit test drives it without Vert.x.
 *
 * <p>Mapping: trading ({@code active}, not {@code closed}, {@code acceptingOrders}) → open; not accepting orders →
 * paused; {@code closed} → closed; {@code market_resolved}, or {@code closed} with {@code umaResolutionStatus}
 * {@code resolved} and readable {@code outcomePrices} → settled with the winner (contracts §7: Polymarket
 * {@code market_resolved} is {@code settled}). Expected resolution and close time: Gamma {@code endDate}.
 */
public final class PolymarketMarketBoard {
    private final Map<String, MarketPair> pairsByCondition = new LinkedHashMap<>();
    private final Map<String, MarketView> views = new LinkedHashMap<>();
    private final Consumer<MarketStatusChanged> out;

    public PolymarketMarketBoard(Collection<MarketPair> pairs, Consumer<MarketStatusChanged> out) {
        this.out = out;
        pairs(pairs);
    }

    /** The paired markets changed; views of markets no longer paired are forgotten. */
    public void pairs(Collection<MarketPair> pairs) {
        pairsByCondition.clear();
        pairs.forEach(pair -> pairsByCondition.put(key(pair.conditionId()), pair));
        views.keySet().retainAll(pairsByCondition.keySet());
    }

    /** The paired markets' condition ids, as Gamma is asked for them. */
    public List<String> conditionIds() {
        return pairsByCondition.values().stream()
                .map(MarketPair::conditionId)
                .distinct()
                .toList();
    }

    public MarketView view(String conditionId) {
        return views.get(key(conditionId));
    }

    /** One Gamma market record. */
    public void onGamma(JsonObject market, long nowMillis) {
        String condition = market.getString("conditionId");
        MarketPair pair = condition == null ? null : pairsByCondition.get(key(condition));
        if (pair == null) {
            return;
        }
        long end = instant(market.getString("endDate"));
        MarketView current = views.get(key(condition));
        if (current != null && current.status() == MarketStatus.SETTLED) {
            // market_resolved already settled it; Gamma can lag
            publish(current.withTimes(end, end), "gamma", nowMillis);
            return;
        }
        MarketStatus status;
        Resolution resolution = null;
        boolean closed = market.getBoolean("closed", false);
        if (closed) {
            resolution = "resolved".equals(market.getString("umaResolutionStatus")) ? gammaResolution(market) : null;
            status = resolution == null ? MarketStatus.CLOSED : MarketStatus.SETTLED;
        } else if (market.getBoolean("active", true) && market.getBoolean("acceptingOrders", true)) {
            status = MarketStatus.OPEN;
        } else {
            status = MarketStatus.PAUSED;
        }
        publish(
                new MarketView(
                        Platform.POLYMARKET, pair.conditionId(), status, end, end, MarketView.NO_SHARD, resolution),
                "gamma",
                nowMillis);
    }

    /**
     * A market-channel frame holding {@code market_resolved} (one object or an array): each event of a paired
     * market settles it with its winner.
     */
    public void onResolvedFrame(String frame, long nowMillis) throws MalformedFrameException {
        Object parsed;
        try {
            parsed = Json.decodeValue(frame);
        } catch (DecodeException e) {
            throw new MalformedFrameException(MalformedReason.SYNTAX, "market_resolved frame is not JSON");
        }
        List<JsonObject> events = new ArrayList<>();
        if (parsed instanceof JsonObject object) {
            events.add(object);
        } else if (parsed instanceof JsonArray array) {
            array.forEach(item -> {
                if (item instanceof JsonObject object) {
                    events.add(object);
                }
            });
        }
        for (JsonObject event : events) {
            if ("market_resolved".equals(event.getValue("event_type"))) {
                onResolved(event, nowMillis);
            }
        }
    }

    void onResolved(JsonObject event, long nowMillis) throws MalformedFrameException {
        if (!(event.getValue("market") instanceof String condition)) {
            throw new MalformedFrameException(MalformedReason.MISSING_FIELD, "market_resolved without market");
        }
        MarketPair pair = pairsByCondition.get(key(condition));
        if (pair == null) {
            return;
        }
        String winner = event.getValue("winning_asset_id") instanceof String id ? id : "";
        String outcome = event.getValue("winning_outcome") instanceof String word ? word : "";
        Resolution resolution;
        if (winner.equals(pair.yesTokenId()) || winner.isEmpty() && "yes".equalsIgnoreCase(outcome)) {
            resolution = new Resolution(FixedPoint.ONE, outcome.isEmpty() ? "Yes" : outcome);
        } else if (winner.equals(pair.noTokenId()) || winner.isEmpty() && "no".equalsIgnoreCase(outcome)) {
            resolution = new Resolution(0, outcome.isEmpty() ? "No" : outcome);
        } else {
            throw new MalformedFrameException(
                    MalformedReason.BAD_VALUE,
                    "market_resolved " + condition + ": winning asset " + winner + " is neither token of pair "
                            + pair.id());
        }
        MarketView current = views.get(key(condition));
        long end = current == null ? MarketView.UNKNOWN : current.expectedResolutionMillis();
        long close = current == null ? MarketView.UNKNOWN : current.closeTimeMillis();
        publish(
                new MarketView(
                        Platform.POLYMARKET,
                        pair.conditionId(),
                        MarketStatus.SETTLED,
                        close,
                        end,
                        MarketView.NO_SHARD,
                        resolution),
                "market_resolved",
                nowMillis);
    }

    /** Publishes every view again (a late subscriber asked). */
    public void resend(long nowMillis) {
        views.values().forEach(view -> out.accept(new MarketStatusChanged(view, "resend", nowMillis)));
    }

    private void publish(MarketView view, String cause, long nowMillis) {
        MarketView before = views.put(key(view.market()), view);
        if (!view.equals(before)) {
            out.accept(new MarketStatusChanged(view, cause, nowMillis));
        }
    }

    /** {@code outcomePrices} against {@code outcomes} (both JSON inside strings): the YES price is the payout. */
    private static Resolution gammaResolution(JsonObject market) {
        try {
            JsonArray outcomes = array(market.getValue("outcomes"));
            JsonArray prices = array(market.getValue("outcomePrices"));
            int yes = -1;
            for (int i = 0; i < outcomes.size(); i++) {
                if ("yes".equalsIgnoreCase(String.valueOf(outcomes.getValue(i)))) {
                    yes = i;
                }
            }
            if (yes < 0 || prices.size() != outcomes.size()) {
                return null;
            }
            long payout = FixedPoint.parse(String.valueOf(prices.getValue(yes)));
            return new Resolution(payout, payout == FixedPoint.ONE ? "Yes" : payout == 0 ? "No" : "split");
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static JsonArray array(Object value) {
        return value instanceof JsonArray array ? array : new JsonArray(String.valueOf(value));
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

    private static String key(String conditionId) {
        return conditionId.toLowerCase(Locale.ROOT);
    }
}
