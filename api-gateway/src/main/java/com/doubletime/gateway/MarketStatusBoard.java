package com.doubletime.gateway;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.market.MarketView;
import com.doubletime.domain.market.Resolution;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The paired markets' lives as the feeds last reported them ({@code dt.market-status}), for {@code GET /api/pairs}
 * (contracts §7): each pair's Kalshi and Polymarket status and whether it may trade. Single writer: the gateway's
 * event loop.
 *
 * <p>{@code tradable} is false once either market is reported not open; a market not reported yet counts as open,
 * as the executor counts it (its feed reports it at start), and its status is null.
 */
final class MarketStatusBoard {
    private final Map<String, MarketView> kalshi = new HashMap<>();
    private final Map<String, MarketView> polymarket = new HashMap<>();

    void update(MarketStatusChanged change) {
        MarketView view = change.view();
        if (view.platform() == Platform.KALSHI) {
            kalshi.put(view.market(), view);
        } else {
            polymarket.put(view.market().toLowerCase(Locale.ROOT), view);
        }
    }

    /** The pair's JSON with each venue's status (and what else is known of its market) and {@code tradable}. */
    Map<String, Object> withStatus(MarketPair pair, Map<String, Object> json) {
        MarketView k = kalshi.get(pair.kalshiTicker());
        MarketView p = polymarket.get(pair.conditionId().toLowerCase(Locale.ROOT));
        add(json, "kalshi", k);
        add(json, "polymarket", p);
        json.put(
                "tradable",
                (k == null || k.status().isTradable())
                        && (p == null || p.status().isTradable()));
        return json;
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> json, String venue, MarketView view) {
        Map<String, Object> side = new LinkedHashMap<>((Map<String, Object>) json.get(venue));
        side.put("status", view == null ? null : view.status().wireName());
        if (view != null) {
            if (view.platform() == Platform.KALSHI && view.exchangeIndex() != MarketView.NO_SHARD) {
                side.put("exchangeIndex", view.exchangeIndex());
            }
            if (view.knowsResolutionTime()) {
                side.put(
                        "resolvesAt",
                        Instant.ofEpochMilli(view.expectedResolutionMillis()).toString());
            }
            Resolution resolution = view.resolution();
            if (resolution != null) {
                side.put("result", resolution.result());
            }
        }
        json.put(venue, side);
    }
}
