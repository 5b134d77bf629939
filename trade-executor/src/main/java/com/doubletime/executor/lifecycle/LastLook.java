package com.doubletime.executor.lifecycle;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Orderbook;
import com.doubletime.domain.trade.LegOrder;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.capital.CapitalDesk;
import com.doubletime.executor.paper.IocFill;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The re-check right before the orders go out, paper and live alike: the decision itself, the kill switch, the
 * pair as it is now, and whether the newest books still hold the decided quantity at or below both limit prices.
 * The opportunity may be a few milliseconds old and the executor's books newer; an opportunity that closed in
 * between is not sent (it would only buy one leg).
 *
 * <p>The pair is read from {@link CurrentPairs} now, not from the list the executor started with: a pair added
 * since trades, a removed one does not, and an edited one is checked with its new terms (the decision's
 * instruments, Polymarket's minimum order size, the pair's maximum quantity).
 *
 * <p>Issue 12: a pair whose market paused, closed or resolved since the decision is not sent ({@link MarketBoard}),
 * nor a trade whose venue can no longer pay both legs from free cash ({@link CapitalDesk#overdrawnBecause}).
 *
 * <p>A decision older than the configured age ({@link #withMaxDecisionAge}) is stale: it waited behind a slow journal
 * or a backlog, and its prices are no longer the market's, so it is rejected and never sent. A halt of the executor
 * itself (the journal failed) stops it too.
 *
 * <p>Seam: a fail-over's fencing epoch belongs here, as a further reason not to send, checked on the executor's
 * thread right before the strategy runs.
 */
public final class LastLook {
    private static final int PRICE_DECIMALS = 4;

    private static final long NANOS_PER_MILLI = 1_000_000;

    private final Supplier<TradingControl> control;
    private final BookMirror books;
    private final MarketBoard markets;
    private final CapitalDesk capital;
    private long maxDecisionAgeNanos = Long.MAX_VALUE;
    private LongSupplier clock = () -> 0;

    public LastLook(Supplier<TradingControl> control, BookMirror books) {
        this(control, books, null, null);
    }

    /** With the markets' lifecycle and the capital rules; either may be null (not checked). */
    public LastLook(Supplier<TradingControl> control, BookMirror books, MarketBoard markets, CapitalDesk capital) {
        this.control = control;
        this.books = books;
        this.markets = markets;
        this.capital = capital;
    }

    /** Rejects a decision older than {@code maxAge} on {@code clock} (the decision's own, epoch nanos) as stale. */
    public LastLook withMaxDecisionAge(Duration maxAge, LongSupplier clock) {
        this.maxDecisionAgeNanos = maxAge.toNanos();
        this.clock = clock;
        return this;
    }

    /** Why a decision is too old to send now, or null: checked here and again right before live orders leave. */
    public String staleBecause(TradeDecision decision) {
        long age = clock.getAsLong() - decision.decidedAtNanos();
        if (age <= maxDecisionAgeNanos) {
            return null;
        }
        return "re-check before sending: the decision is " + age / NANOS_PER_MILLI + " ms old, over the "
                + maxDecisionAgeNanos / NANOS_PER_MILLI + " ms limit (stale: its prices are no longer the market's)";
    }

    /**
     * Why the trade may not be sent now, or null when it may.
     *
     * @param decidedWith the pair as it was when the decision was taken (null if it was unknown then)
     * @param now the pair as it is now (null when removed)
     */
    public String closedBecause(TradeDecision decision, MarketPair decidedWith, MarketPair now) {
        if (!decision.accepted()) {
            return decision.reason();
        }
        TradingControl state = control.get();
        if (state.killSwitch()) {
            return "the kill switch was turned on before the orders were sent";
        }
        if (state.haltedBecause() != null) {
            return "trading halted before the orders were sent: " + state.haltedBecause();
        }
        String stale = staleBecause(decision);
        if (stale != null) {
            return stale;
        }
        if (now == null) {
            return "pair '" + decision.pairId() + "' was removed before the orders were sent";
        }
        String pair = pairClosedBecause(decision, now, !now.equals(decidedWith));
        if (pair == null && markets != null) {
            String suspended = markets.suspendedBecause(now);
            pair = suspended == null ? null : "re-check before sending: " + suspended;
        }
        if (pair == null && capital != null) {
            pair = capital.overdrawnBecause(decision, now);
        }
        return pair != null ? pair : booksClosedBecause(decision);
    }

    /** The pair's own terms, as they are now. */
    private static String pairClosedBecause(TradeDecision decision, MarketPair pair, boolean edited) {
        String why = null;
        if (!pair.kalshiTicker().equals(decision.kalshi().instrument())
                || !pair.yesTokenId().equals(decision.polymarket().instrument())
                        && !pair.noTokenId().equals(decision.polymarket().instrument())) {
            why = "pair " + pair.id() + " no longer trades " + decision.kalshi().instrument() + " / "
                    + decision.polymarket().instrument();
        } else if (decision.quantity() * FixedPoint.ONE < pair.minOrderSize()) {
            why = "quantity " + decision.quantity() + " is below Polymarket's minimum order size "
                    + FixedPoint.format(pair.minOrderSize(), 0) + " of pair " + pair.id();
        } else if (decision.quantity() > pair.maxQuantity()) {
            why = "quantity " + decision.quantity() + " is above the max quantity " + pair.maxQuantity() + " of pair "
                    + pair.id();
        }
        return why == null ? null : "re-check before sending: " + why + (edited ? " (edited since the decision)" : "");
    }

    /** Do the newest books still hold the quantity at or below both limit prices? */
    private String booksClosedBecause(TradeDecision decision) {
        for (LegOrder leg : new LegOrder[] {decision.kalshi(), decision.polymarket()}) {
            Orderbook book = books.books().find(leg.platform(), leg.instrument());
            String name = leg.platform().wireName() + " book " + leg.instrument();
            if (book == null || !book.snapshotReceived() || book.isStale()) {
                return "re-check before sending: " + name + " is missing or stale";
            }
            long available = IocFill.fillable(leg, IocFill.asks(book, leg), decision.quantity());
            if (available < decision.quantity()) {
                return "re-check before sending: " + name + " now holds " + available + " of " + decision.quantity()
                        + " contracts at or below " + FixedPoint.format(leg.limitPrice(), PRICE_DECIMALS)
                        + " (the opportunity closed)";
            }
        }
        return null;
    }
}
