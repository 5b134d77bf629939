package com.doubletime.executor.lifecycle;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.market.MarketView;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The executor's copy of every paired market's life, as the feeds last reported it ({@link MarketStatusChanged} on
 * {@code dt.market-status}: each event is the whole view of one market, replacing the one held). The decision and
 * the last look ask it whether a pair may trade; the capital rules ask it for a Kalshi market's shard; settlement
 * asks it for both results. Single writer: the executor's thread.
 *
 * <p>A market the feeds have not reported (yet) counts as open and, on Kalshi, on shard 0: the feeds report every
 * paired market at start and when a pair is added, so this is the moment before their first word, and a deployment
 * whose feeds read no market lifecycle trades as before.
 */
public final class MarketBoard {
    private final Map<String, MarketView> kalshi = new HashMap<>();
    private final Map<String, MarketView> polymarket = new HashMap<>();

    /** Takes the event's view; returns the one it replaced, or null. */
    public MarketView update(MarketStatusChanged event) {
        MarketView view = event.view();
        return (view.platform() == Platform.KALSHI ? kalshi : polymarket)
                .put(key(view.platform(), view.market()), view);
    }

    /** The pair's Kalshi market as last reported, or null. */
    public MarketView kalshi(MarketPair pair) {
        return kalshi.get(pair.kalshiTicker());
    }

    /** The pair's Polymarket market as last reported, or null. */
    public MarketView polymarket(MarketPair pair) {
        return polymarket.get(key(Platform.POLYMARKET, pair.conditionId()));
    }

    /** Whether the event's market is one of the pair's two. */
    public static boolean concerns(MarketPair pair, MarketView view) {
        return view.platform() == Platform.KALSHI
                ? view.market().equals(pair.kalshiTicker())
                : key(Platform.POLYMARKET, view.market()).equals(key(Platform.POLYMARKET, pair.conditionId()));
    }

    /**
     * Why the pair may not trade now (a market paused, closed, determined or settled), or null when both markets are
     * open (or not reported yet).
     */
    public String suspendedBecause(MarketPair pair) {
        MarketView k = kalshi(pair);
        MarketView p = polymarket(pair);
        boolean kalshiOpen = k == null || k.status().isTradable();
        boolean polymarketOpen = p == null || p.status().isTradable();
        if (kalshiOpen && polymarketOpen) {
            return null;
        }
        StringBuilder why = new StringBuilder("pair ").append(pair.id()).append(" is suspended: ");
        if (!kalshiOpen) {
            why.append("kalshi ")
                    .append(pair.kalshiTicker())
                    .append(" is ")
                    .append(k.status().wireName());
        }
        if (!polymarketOpen) {
            why.append(kalshiOpen ? "" : ", ")
                    .append("polymarket ")
                    .append(pair.conditionId())
                    .append(" is ")
                    .append(p.status().wireName());
        }
        return why.append(" (trading resumes when both markets are open)").toString();
    }

    /** Whether either of the pair's markets has a result (determined or settled): its positions are being paid out. */
    public boolean resolving(MarketPair pair) {
        MarketView k = kalshi(pair);
        MarketView p = polymarket(pair);
        return k != null && k.status().isResolved() || p != null && p.status().isResolved();
    }

    /** The shard ({@code exchange_index}) of the pair's Kalshi market; 0, the default shard, when not known. */
    public int kalshiShard(MarketPair pair) {
        MarketView k = kalshi(pair);
        return k == null || k.exchangeIndex() < 0 ? 0 : k.exchangeIndex();
    }

    /** The shard of a Kalshi ticker; 0 when not known. */
    public int kalshiShard(String ticker) {
        MarketView k = kalshi.get(ticker);
        return k == null || k.exchangeIndex() < 0 ? 0 : k.exchangeIndex();
    }

    /** Condition ids are hex: the same market may be spelt in either case. */
    private static String key(Platform platform, String market) {
        return platform == Platform.POLYMARKET ? market.toLowerCase(Locale.ROOT) : market;
    }
}
