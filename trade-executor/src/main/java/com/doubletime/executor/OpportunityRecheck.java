package com.doubletime.executor;

import com.doubletime.domain.AskLadder;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.MirroredLadder;
import com.doubletime.domain.Orderbook;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.trade.LegOrder;
import com.doubletime.domain.trade.TradeDecision;

/**
 * The last look before live orders go out: do the newest books still hold the decided quantity at or
 * below both limit prices? The opportunity event may be a few milliseconds old and the executor's own
 * books newer; an opportunity that closed in between is not sent (it would only buy one leg).
 */
final class OpportunityRecheck {
    private OpportunityRecheck() {}

    /** Why the trade should not be sent now, or null when both books still hold it. */
    static String closedBecause(TradeDecision decision, MarketPair pair, OrderbookSet books) {
        for (LegOrder leg : new LegOrder[] {decision.kalshi(), decision.polymarket()}) {
            Orderbook book = books.find(leg.platform(), leg.instrument());
            String name = leg.platform().wireName() + " book " + leg.instrument();
            if (book == null || !book.snapshotReceived() || book.isStale()) {
                return "re-check before sending: " + name + " is missing or stale";
            }
            AskLadder asks = leg.platform() == Platform.KALSHI && leg.outcome() == Outcome.NO
                    ? new MirroredLadder(book.bids())
                    : book.asks();
            long available = IocFill.buy(leg, asks, decision.quantity(), 0, 2).filledQuantity();
            if (available < decision.quantity()) {
                return "re-check before sending: " + name + " now holds " + available + " of " + decision.quantity()
                        + " contracts at or below " + com.doubletime.domain.FixedPoint.format(leg.limitPrice(), 4)
                        + " (the opportunity closed)";
            }
        }
        return null;
    }
}
