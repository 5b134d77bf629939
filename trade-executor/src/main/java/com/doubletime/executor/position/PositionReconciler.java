package com.doubletime.executor.position;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.order.VenuePosition;
import com.doubletime.domain.trade.PositionState;
import com.doubletime.executor.lifecycle.CurrentPairs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * Compares the positions the journal adds up to with the venues' positions endpoints, per pair instrument:
 * Kalshi's signed position per ticker (+ YES, − NO) and Polymarket's size per token. Any difference is a
 * finding for an alert: a lost fill, an order placed by hand, or an interrupted trade whose leg was UNKNOWN.
 * Instruments the configured pairs do not name are ignored (an account may hold other markets), and so are the
 * instruments of a pair whose markets resolved: the venues pay out and burn contracts on their own schedule (Kalshi
 * at settlement, Polymarket tokens when redeemed), which the journal's settlement follows, not matches.
 */
public final class PositionReconciler {
    private final Map<Platform, VenueOrderGateway> venues;
    private final CurrentPairs pairs;
    private final Predicate<MarketPair> resolving;

    /** @param pairs the executor's pairs as they are at each comparison (one added since start is compared too) */
    public PositionReconciler(Map<Platform, VenueOrderGateway> venues, CurrentPairs pairs) {
        this(venues, pairs, pair -> false);
    }

    /** @param resolving pairs not compared: a market resolved, or the position settled */
    public PositionReconciler(
            Map<Platform, VenueOrderGateway> venues, CurrentPairs pairs, Predicate<MarketPair> resolving) {
        this.venues = venues;
        this.pairs = pairs;
        this.resolving = resolving;
    }

    /** One message per instrument whose journal position differs from the venue's. */
    public CompletionStage<List<String>> compare(PositionBook book) {
        Map<String, Long> expected = expected(book);
        CompletableFuture<List<VenuePosition>> kalshi =
                venues.get(Platform.KALSHI).positions().toCompletableFuture();
        CompletableFuture<List<VenuePosition>> polymarket =
                venues.get(Platform.POLYMARKET).positions().toCompletableFuture();
        return kalshi.thenCombine(polymarket, (k, p) -> {
            Map<String, Long> held = new HashMap<>();
            for (VenuePosition position : k) {
                long signed = FixedPoint.wholeUnitsDown(position.quantity());
                held.merge(
                        "kalshi " + position.instrument(),
                        position.outcome() == Outcome.NO ? -Math.abs(signed) : signed,
                        Long::sum);
            }
            for (VenuePosition position : p) {
                held.merge(
                        "polymarket " + position.instrument(),
                        FixedPoint.wholeUnitsDown(position.quantity()),
                        Long::sum);
            }
            List<String> mismatches = new ArrayList<>();
            for (Map.Entry<String, Long> entry : expected.entrySet()) {
                long venue = held.getOrDefault(entry.getKey(), 0L);
                if (venue != entry.getValue()) {
                    mismatches.add(entry.getKey() + ": journal " + entry.getValue() + ", venue " + venue);
                }
            }
            return mismatches;
        });
    }

    private Map<String, Long> expected(PositionBook book) {
        Map<String, Long> expected = new HashMap<>();
        for (MarketPair pair : pairs.all()) {
            PositionBook.Position p = book.position(pair.id());
            if (resolving.test(pair) || p != null && p.state() != PositionState.OPEN) {
                continue;
            }
            expected.put("kalshi " + pair.kalshiTicker(), p == null ? 0 : p.kalshiYes() - p.kalshiNo());
            expected.put("polymarket " + pair.yesTokenId(), p == null ? 0 : p.polymarketYes());
            expected.put("polymarket " + pair.noTokenId(), p == null ? 0 : p.polymarketNo());
        }
        return expected;
    }
}
