package com.doubletime.executor;

import com.doubletime.domain.AskLadder;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.MirroredLadder;
import com.doubletime.domain.Opportunity;
import com.doubletime.domain.Orderbook;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.LegOrder;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.domain.trade.TradingControl;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Paper execution of buy-both opportunities, without Vert.x: decides (risk limits, book freshness, one
 * trade per opportunity id), then simulates both legs as immediate-or-cancel buys against the books as
 * they are at fill time.
 *
 * <p>Deciding and filling are separate steps because the decision is journaled before any order goes
 * out; the books may move in between, as they would for real orders. Paper fills do not consume book
 * liquidity: two trades in quick succession may both fill against the same resting size.
 *
 * <p>Single writer: the executor's event loop calls it. Times are epoch nanoseconds, like the books'.
 */
public final class PaperTrader {
    /** Opportunity ids remembered for de-duplication; old ones are long closed. */
    private static final int REMEMBERED_OPPORTUNITIES = 100_000;

    private final Map<String, MarketPair> pairs = new HashMap<>();
    private final long maxBookAgeNanos;
    private final PositionBook positions = new PositionBook();
    private final TradeRate rate = new TradeRate();
    private final Map<String, Map<String, Object>> pairLimits;
    private final Map<String, TradeRate> pairRates = new HashMap<>();
    private TradingControl control;
    private final Supplier<String> tradeIds;
    private final Set<String> decided = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_OPPORTUNITIES;
        }
    });

    public PaperTrader(Collection<MarketPair> pairs, ExecutorConfig config, Supplier<String> tradeIds) {
        pairs.forEach(pair -> this.pairs.put(pair.id(), pair));
        this.control = TradingControl.initial(config.mode(), config.riskLimits());
        this.pairLimits = config.pairRiskLimits();
        this.maxBookAgeNanos = config.maxBookAge().toNanos();
        this.tradeIds = tradeIds;
    }

    /**
     * Decides on an opportunity. Returns null when this opportunity id was already decided: its later
     * updates (new size or prices) never trade again, whatever the first verdict was.
     */
    public TradeDecision decide(ArbitrageOpportunityFound found, OrderbookSet books, long nowNanos) {
        if (!decided.add(found.id())) {
            return null;
        }
        Opportunity o = found.opportunity();
        Verdict verdict = judge(o, books, nowNanos);
        if (verdict.quantity > 0) {
            rate.accepted(nowNanos);
            pairRates.computeIfAbsent(o.pairId(), id -> new TradeRate()).accepted(nowNanos);
        }
        return new TradeDecision(
                tradeIds.get(),
                found.id(),
                o.pairId(),
                o.direction(),
                verdict.quantity > 0,
                o.quantity(),
                verdict.quantity,
                LegOrder.of(o.kalshi()),
                LegOrder.of(o.polymarket()),
                verdict.reason,
                found.detectedAtNanos(),
                nowNanos);
    }

    /**
     * Sends both legs of an accepted decision to the paper venue; a rejected one yields its REJECTED report.
     * The kill switch is checked again here: a decision journaled just before it was engaged sends no order.
     */
    public TradeReport fill(TradeDecision decision, OrderbookSet books, long nowNanos) {
        if (!decision.accepted()) {
            return TradeReport.rejected(decision, ExecutionMode.PAPER);
        }
        MarketPair pair = pairs.get(decision.pairId());
        String stopped = control.killSwitch()
                ? "the kill switch was turned on before the orders were sent"
                : pair == null ? "pair '" + decision.pairId() + "' was removed before the orders were sent" : null;
        if (stopped != null) {
            return new TradeReport(
                    decision.tradeId(),
                    decision.opportunityId(),
                    decision.pairId(),
                    decision.direction(),
                    ExecutionMode.PAPER,
                    TradeStatus.REJECTED,
                    LegFill.notSent(decision.kalshi()),
                    LegFill.notSent(decision.polymarket()),
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    stopped,
                    decision.detectedAtNanos(),
                    decision.decidedAtNanos(),
                    nowNanos);
        }
        LegFill kalshi = fillLeg(
                books, decision.kalshi(), decision.quantity(), pair.kalshiTakerFeeRate(), IocFill.KALSHI_FEE_DECIMALS);
        LegFill polymarket = fillLeg(
                books,
                decision.polymarket(),
                decision.quantity(),
                pair.polymarketTakerFeeRate(),
                IocFill.POLYMARKET_FEE_DECIMALS);
        BigDecimal totalCost =
                kalshi.cost().add(kalshi.fee()).add(polymarket.cost()).add(polymarket.fee());
        long hedged = Math.min(kalshi.filledQuantity(), polymarket.filledQuantity());
        TradeStatus status = kalshi.complete() && polymarket.complete()
                ? TradeStatus.FILLED
                : kalshi.filledQuantity() == 0 && polymarket.filledQuantity() == 0
                        ? TradeStatus.UNFILLED
                        : TradeStatus.PARTIALLY_FILLED;
        return new TradeReport(
                decision.tradeId(),
                decision.opportunityId(),
                decision.pairId(),
                decision.direction(),
                ExecutionMode.PAPER,
                status,
                kalshi,
                polymarket,
                totalCost,
                BigDecimal.valueOf(hedged).subtract(totalCost),
                fillReason(status, kalshi, polymarket, books, nowNanos),
                decision.detectedAtNanos(),
                decision.decidedAtNanos(),
                nowNanos);
    }

    /** Decides and fills at once; null for an opportunity id already decided. */
    public TradeReport trade(ArbitrageOpportunityFound found, OrderbookSet books, long nowNanos) {
        TradeDecision decision = decide(found, books, nowNanos);
        return decision == null ? null : fill(decision, books, nowNanos);
    }

    /**
     * Forgets a closed opportunity. The monitor never reuses an id within its run once it closed, so this
     * only keeps the remembered set small.
     */
    public void forget(String opportunityId) {
        decided.remove(opportunityId);
    }

    /** Applies the operator's controls (pause, kill switch, limits) to every decision from now on. */
    public void control(TradingControl newControl) {
        this.control = newControl;
    }

    public TradingControl control() {
        return control;
    }

    /** Positions and P&amp;L so far; {@link #record} keeps them current. */
    PositionBook positions() {
        return positions;
    }

    /** Folds an executed (or recovered) trade into the positions the limits are checked against. */
    public void record(TradeReport report) {
        positions.record(report);
    }

    public void addPair(MarketPair pair) {
        pairs.put(pair.id(), pair);
    }

    public void removePair(String pairId) {
        pairs.remove(pairId);
    }

    private Verdict judge(Opportunity o, OrderbookSet books, long nowNanos) {
        MarketPair pair = pairs.get(o.pairId());
        if (pair == null) {
            return Verdict.reject("unknown pair '" + o.pairId() + "'");
        }
        String blocked = RiskGate.blocked(control, positions, rate, nowNanos);
        Map<String, Object> override = pairLimits.getOrDefault(pair.id(), Map.of());
        RiskLimits pairLimits =
                override.isEmpty() ? control.limits() : control.limits().merge(override);
        if (blocked == null && !override.isEmpty()) {
            blocked = RiskGate.pairBlocked(
                    pair.id(),
                    override.keySet(),
                    pairLimits,
                    positions,
                    pairRates.computeIfAbsent(pair.id(), id -> new TradeRate()),
                    nowNanos);
        }
        if (blocked != null) {
            return Verdict.reject(blocked);
        }
        String unusable = unusableBook(books, LegOrder.of(o.kalshi()), nowNanos);
        if (unusable == null) {
            unusable = unusableBook(books, LegOrder.of(o.polymarket()), nowNanos);
        }
        if (unusable != null) {
            return Verdict.reject(unusable);
        }
        RiskGate.Allowance allowance =
                RiskGate.allowance(control.limits(), pairLimits, override.keySet(), pair, o, positions);
        long quantity = allowance.quantity();
        String limits = "limit prices " + price(o.kalshi().limitPrice()) + " / "
                + price(o.polymarket().limitPrice());
        if (quantity < 1) {
            return Verdict.reject(allowance.reason() + " does not cover one contract at " + limits);
        }
        if (quantity * FixedPoint.ONE < pair.minOrderSize()) {
            return Verdict.reject("quantity " + quantity + " is below Polymarket's minimum order size "
                    + FixedPoint.format(pair.minOrderSize(), 0)
                    + (quantity < o.quantity()
                            ? " (reduced from " + o.quantity() + " by " + allowance.reason() + ")"
                            : ""));
        }
        if (quantity < o.quantity()) {
            return new Verdict(
                    quantity,
                    "reduced from " + o.quantity() + " to " + quantity + " contracts by " + allowance.reason() + " at "
                            + limits);
        }
        return new Verdict(quantity, null);
    }

    /** Why a leg's book cannot be traded on, or null when it can. */
    private String unusableBook(OrderbookSet books, LegOrder leg, long nowNanos) {
        Orderbook book = books.find(leg.platform(), leg.instrument());
        String name = leg.platform().wireName() + " book " + leg.instrument();
        if (book == null || !book.snapshotReceived()) {
            return name + " has no snapshot";
        }
        if (book.isStale()) {
            return name + " is stale";
        }
        long age = nowNanos - book.updatedAtNanos();
        if (age > maxBookAgeNanos) {
            return name + " is " + age / 1_000_000 + " ms old (max " + maxBookAgeNanos / 1_000_000 + " ms)";
        }
        return null;
    }

    private static LegFill fillLeg(OrderbookSet books, LegOrder order, long quantity, long feeRate, int feeDecimals) {
        Orderbook book = books.find(order.platform(), order.instrument());
        if (book == null || book.isStale()) {
            return IocFill.buy(order, EMPTY, quantity, feeRate, feeDecimals);
        }
        return IocFill.buy(order, asks(book, order), quantity, feeRate, feeDecimals);
    }

    /** Kalshi books are held in YES terms: its NO asks are its YES bids seen from the other side. */
    private static AskLadder asks(Orderbook book, LegOrder order) {
        if (order.platform() == Platform.KALSHI && order.outcome() == Outcome.NO) {
            return new MirroredLadder(book.bids());
        }
        return book.asks();
    }

    private String fillReason(
            TradeStatus status, LegFill kalshi, LegFill polymarket, OrderbookSet books, long nowNanos) {
        if (status == TradeStatus.FILLED) {
            return null;
        }
        StringBuilder reason = new StringBuilder();
        for (LegFill leg : new LegFill[] {kalshi, polymarket}) {
            Orderbook book = books.find(leg.order().platform(), leg.order().instrument());
            if (book == null || book.isStale()) {
                reason.append(leg.order().platform().wireName())
                        .append(" book ")
                        .append(leg.order().instrument())
                        .append(" went stale before the order reached it; ");
            }
        }
        if (status == TradeStatus.UNFILLED) {
            return reason.append("nothing rested at or below either limit price")
                    .toString();
        }
        reason.append("kalshi filled ")
                .append(kalshi.filledQuantity())
                .append(" of ")
                .append(kalshi.requestedQuantity())
                .append(", polymarket filled ")
                .append(polymarket.filledQuantity())
                .append(" of ")
                .append(polymarket.requestedQuantity());
        long unhedged = Math.abs(kalshi.filledQuantity() - polymarket.filledQuantity());
        if (unhedged > 0) {
            String longVenue = kalshi.filledQuantity() > polymarket.filledQuantity() ? "kalshi" : "polymarket";
            reason.append("; ")
                    .append(unhedged)
                    .append(" contracts UNHEDGED on ")
                    .append(longVenue);
        }
        return reason.toString();
    }

    private static String price(long price) {
        return FixedPoint.format(price, 4);
    }

    private static final AskLadder EMPTY = new AskLadder() {
        @Override
        public int levelCount() {
            return 0;
        }

        @Override
        public long price(int level) {
            throw new IndexOutOfBoundsException(level);
        }

        @Override
        public long size(int level) {
            throw new IndexOutOfBoundsException(level);
        }
    };

    private record Verdict(long quantity, String reason) {
        static Verdict reject(String reason) {
            return new Verdict(0, reason);
        }
    }
}
