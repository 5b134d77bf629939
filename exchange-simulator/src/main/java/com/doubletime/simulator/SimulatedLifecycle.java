package com.doubletime.simulator;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every simulated market's life on both venues: status, close and expected resolution times, Kalshi shard,
 * results. Scenario steps change it through {@link #apply}; each change is told to the {@link LifecycleListener}
 * as the venue would announce it (Kalshi {@code market_lifecycle_v2} messages; Polymarket {@code market_resolved}).
 * Single writer: the simulator's event loop.
 */
final class SimulatedLifecycle {
    /** Without a scenario or catalogue date, markets close this long after the simulator starts. */
    static final long DEFAULT_OPEN_MILLIS = 30L * 24 * 3_600_000;
    /** Kalshi's expected expiration follows the close by this much unless a scenario says otherwise. */
    static final long DEFAULT_EXPIRATION_LAG_MILLIS = 3_600_000;

    private final Map<String, KalshiMarketState> kalshi = new LinkedHashMap<>();
    private final Map<String, PolymarketMarketState> polymarketByCondition = new LinkedHashMap<>();
    private final Map<String, PolymarketMarketState> polymarketByToken = new LinkedHashMap<>();
    private LifecycleListener listener = LifecycleListener.IGNORE;

    SimulatedLifecycle(List<SimulatedMarket> markets, SimulatorCatalogue catalogue, long nowMillis) {
        for (SimulatedMarket market : markets) {
            long close = nowMillis + DEFAULT_OPEN_MILLIS;
            JsonObject entry = catalogue == null ? null : catalogue.kalshiEntry(market.kalshiTicker());
            if (entry != null && entry.getString("close_time") != null) {
                close = Instant.parse(entry.getString("close_time")).toEpochMilli();
            }
            kalshi.put(
                    market.kalshiTicker(),
                    new KalshiMarketState(
                            market.kalshiTicker(), nowMillis, close, close + DEFAULT_EXPIRATION_LAG_MILLIS));
            long end = nowMillis + DEFAULT_OPEN_MILLIS;
            JsonObject gamma = catalogue == null ? null : catalogue.polymarketEntry(market.conditionId());
            if (gamma != null && gamma.getString("endDate") != null) {
                end = Instant.parse(gamma.getString("endDate")).toEpochMilli();
            }
            PolymarketMarketState state = new PolymarketMarketState(market, end);
            polymarketByCondition.put(key(market.conditionId()), state);
            polymarketByToken.put(market.yesTokenId(), state);
            polymarketByToken.put(market.noTokenId(), state);
        }
    }

    void listener(LifecycleListener listener) {
        this.listener = listener;
    }

    KalshiMarketState kalshi(String ticker) {
        return kalshi.get(ticker);
    }

    PolymarketMarketState polymarket(String conditionId) {
        return conditionId == null ? null : polymarketByCondition.get(key(conditionId));
    }

    /** The market whose condition id is this bytes32 word (as a transaction carries it), or null. */
    PolymarketMarketState polymarketByConditionWord(String hex) {
        java.math.BigInteger wanted = new java.math.BigInteger(hex.startsWith("0x") ? hex.substring(2) : hex, 16);
        for (PolymarketMarketState market : polymarketByCondition.values()) {
            String id = market.market.conditionId();
            if (new java.math.BigInteger(id.startsWith("0x") ? id.substring(2) : id, 16).equals(wanted)) {
                return market;
            }
        }
        return null;
    }

    PolymarketMarketState polymarketByToken(String tokenId) {
        return polymarketByToken.get(tokenId);
    }

    Iterable<KalshiMarketState> kalshiMarkets() {
        return kalshi.values();
    }

    Iterable<PolymarketMarketState> polymarketMarkets() {
        return polymarketByCondition.values();
    }

    void apply(MarketChange change, long nowMillis) {
        if (change instanceof MarketChange.Kalshi k) {
            applyKalshi(k, nowMillis);
        } else {
            applyPolymarket((MarketChange.Polymarket) change, nowMillis);
        }
    }

    private void applyKalshi(MarketChange.Kalshi change, long now) {
        KalshiMarketState market = kalshi.get(change.ticker());
        if (market == null) {
            throw new IllegalArgumentException("unknown Kalshi ticker " + change.ticker());
        }
        if (change.expectedExpirationMillis() >= 0) {
            market.expectedExpirationMillis = change.expectedExpirationMillis();
        }
        if (change.closeTimeMillis() >= 0) {
            market.closeTimeMillis = change.closeTimeMillis();
            announce(market, "close_date_updated").put("close_ts", seconds(market.closeTimeMillis));
        }
        String status = change.status();
        if (status == null || status.equals(market.status)) {
            return;
        }
        switch (status) {
            case KalshiMarketState.ACTIVE -> {
                market.status = status;
                announce(market, "activated").put("is_deactivated", false);
            }
            case KalshiMarketState.INACTIVE -> {
                market.status = status;
                announce(market, "deactivated").put("is_deactivated", true);
            }
            case KalshiMarketState.CLOSED -> {
                market.status = status;
                if (market.closeTimeMillis > now) {
                    // closing early: Kalshi moves the close date (lifecycle close_date_updated)
                    market.closeTimeMillis = now;
                    announce(market, "close_date_updated").put("close_ts", seconds(now));
                }
            }
            case KalshiMarketState.DETERMINED -> determine(market, change, now);
            case KalshiMarketState.FINALIZED -> {
                if (market.result == null) {
                    determine(market, change, now);
                }
                market.status = status;
                market.settledAtMillis = now;
                announce(market, "settled").put("settled_ts", seconds(now));
            }
            default -> throw new IllegalArgumentException("unknown Kalshi status " + status);
        }
    }

    private void determine(KalshiMarketState market, MarketChange.Kalshi change, long now) {
        String result = change.result() == null ? "" : change.result();
        long value = change.settlementValue() >= 0
                ? change.settlementValue()
                : switch (result) {
                    case "yes" -> FixedPoint.ONE_DOLLAR;
                    case "no" -> 0;
                    default ->
                        throw new IllegalArgumentException(market.ticker + ": a " + (result.isEmpty() ? "void" : result)
                                + " result needs a settlementValue");
                };
        market.status = KalshiMarketState.DETERMINED;
        market.result = result;
        market.settlementValue = value;
        market.determinedAtMillis = now;
        announce(market, "determined")
                .put("result", result)
                .put("settlement_value", FixedPoint.kalshiPrice(value))
                .put("determination_ts", seconds(now));
    }

    /** Builds the message, tells the listener after the caller has added the event's fields. */
    private JsonObject announce(KalshiMarketState market, String eventType) {
        JsonObject msg = new JsonObject().put("market_ticker", market.ticker).put("event_type", eventType);
        pending.add(new Object[] {market, msg});
        return msg;
    }

    private final java.util.List<Object[]> pending = new java.util.ArrayList<>();

    /** Delivers the messages announced by the last {@link #apply}, in order. */
    void flush() {
        List<Object[]> out = List.copyOf(pending);
        pending.clear();
        for (Object[] item : out) {
            if (item[0] instanceof KalshiMarketState market) {
                listener.onKalshiLifecycle(market, (JsonObject) item[1]);
            } else {
                listener.onPolymarketLifecycle((PolymarketMarketState) item[0], (String) item[1]);
            }
        }
    }

    private void applyPolymarket(MarketChange.Polymarket change, long now) {
        PolymarketMarketState market = polymarket(change.conditionId());
        if (market == null) {
            throw new IllegalArgumentException("unknown Polymarket condition id " + change.conditionId());
        }
        if (change.endDateMillis() >= 0) {
            market.endDateMillis = change.endDateMillis();
            pending.add(new Object[] {market, "endDate"});
        }
        String status = change.status();
        if (status == null) {
            return;
        }
        switch (status) {
            case "open" -> {
                market.active = true;
                market.closed = false;
                market.acceptingOrders = true;
            }
            case "paused" -> market.acceptingOrders = false;
            case "closed" -> {
                market.closed = true;
                market.acceptingOrders = false;
            }
            case "resolved" -> {
                market.closed = true;
                market.acceptingOrders = false;
                market.winnerToken = winner(market, change.winner());
                market.resolvedAtMillis = now;
            }
            default -> throw new IllegalArgumentException("unknown Polymarket status " + status);
        }
        pending.add(new Object[] {market, status});
    }

    private static String winner(PolymarketMarketState market, String winner) {
        if (winner == null) {
            throw new IllegalArgumentException(market.market.conditionId() + ": resolved needs a winner");
        }
        return switch (winner.toUpperCase(Locale.ROOT)) {
            case "YES" -> market.market.yesTokenId();
            case "NO" -> market.market.noTokenId();
            case PolymarketMarketState.SPLIT -> PolymarketMarketState.SPLIT;
            default -> {
                if (!winner.equals(market.market.yesTokenId()) && !winner.equals(market.market.noTokenId())) {
                    throw new IllegalArgumentException(
                            market.market.conditionId() + ": winner must be YES, NO, 50-50 or one of its token ids");
                }
                yield winner;
            }
        };
    }

    private static long seconds(long millis) {
        return Math.floorDiv(millis, 1000);
    }

    private static String key(String conditionId) {
        return conditionId.toLowerCase(Locale.ROOT);
    }
}
