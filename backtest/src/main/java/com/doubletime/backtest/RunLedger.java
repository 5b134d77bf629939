package com.doubletime.backtest;

import com.doubletime.domain.Direction;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.ReturnOnCapital;
import com.doubletime.domain.market.MarketView;
import com.doubletime.domain.settlement.HeldPosition;
import com.doubletime.domain.settlement.Settlement;
import com.doubletime.domain.settlement.SettlementVerdict;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What one latency run traded, from the executor's reports as they are written: counts by status, fees, P&amp;L
 * (each report's {@code realisedEdge}: hedged pairs at $1, one-venue contracts at nothing until a settlement pays
 * them), the capital the trades tie up (both legs' cost and fees, locked until the capture ends or the pair's markets
 * settle), drawdown, and the windows not traded in full with why. Per pair and in total.
 */
final class RunLedger {
    /** How many missed windows are kept with their details per run (all are counted). */
    static final int MISSES_KEPT = 500;

    /** How many trades are kept whole per run, the first ones, with what leg risk did (all are counted). */
    static final int TRADES_KEPT = 500;

    /** A trade's report and the alerts its leg-risk path journaled. */
    record Trade(TradeReport report, List<String> legRisk) {}

    private static final int RATIO_DECIMALS = 6;
    private static final long NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    /** A window not traded in full. */
    record Miss(
            long atNanos,
            String tradeId,
            String opportunityId,
            String pairId,
            Direction direction,
            long quantity,
            TradeStatus status,
            MissReason why,
            String reason,
            List<String> legRisk) {}

    /** What one pair traded. */
    static final class PairLedger {
        final String pairId;
        long trades;
        long filled;
        long partial;
        long rejected;
        long unfilled;
        long unhedged;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal pnl = BigDecimal.ZERO;
        BigDecimal locked = BigDecimal.ZERO;
        BigDecimal capitalUsed = BigDecimal.ZERO;
        long firstOutlayNanos = Long.MIN_VALUE;
        long releasedAtNanos = Long.MIN_VALUE;
        boolean settled;
        final Map<Direction, Held> held = new EnumMap<>(Direction.class);

        PairLedger(String pairId) {
            this.pairId = pairId;
        }
    }

    /** Contracts one direction of a pair holds (fixed-point), what they cost and their fees. */
    static final class Held {
        Outcome kalshiOutcome;
        Outcome polymarketOutcome;
        long kalshi;
        long polymarket;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
    }

    private final long latencyMillis;
    private final Map<String, PairLedger> pairs = new TreeMap<>();
    private final Map<MissReason, Long> missed = new EnumMap<>(MissReason.class);
    private final List<Miss> misses = new ArrayList<>();
    private final List<Trade> kept = new ArrayList<>();
    private final LongSeries curveNanos = new LongSeries();
    private final LongSeries curveMicros = new LongSeries();
    private long trades;
    private long filled;
    private long partial;
    private long rejected;
    private long unfilled;
    private long unhedged;
    private BigDecimal fees = BigDecimal.ZERO;
    private BigDecimal pnl = BigDecimal.ZERO;
    private BigDecimal locked = BigDecimal.ZERO;
    private BigDecimal capitalUsed = BigDecimal.ZERO;
    private BigDecimal peak = BigDecimal.ZERO;
    private BigDecimal maxDrawdown = BigDecimal.ZERO;
    private long firstOutlayNanos = Long.MIN_VALUE;
    private long endNanos;
    private int heldBack;

    RunLedger(long latencyMillis) {
        this.latencyMillis = latencyMillis;
    }

    /** A trade's report as the executor journaled it; {@code legRisk} the alerts journaled for it. */
    void onReport(TradeReport report, List<String> legRisk) {
        PairLedger pair = pair(report.pairId());
        if (kept.size() < TRADES_KEPT) {
            kept.add(new Trade(report, legRisk));
        }
        trades++;
        pair.trades++;
        switch (report.status()) {
            case FILLED -> {
                filled++;
                pair.filled++;
            }
            case PARTIALLY_FILLED -> {
                partial++;
                pair.partial++;
            }
            case REJECTED -> {
                rejected++;
                pair.rejected++;
            }
            default -> {
                unfilled++;
                pair.unfilled++;
            }
        }
        if (report.unhedgedQuantity() > 0) {
            unhedged++;
            pair.unhedged++;
        }
        LegFill k = report.kalshi();
        LegFill p = report.polymarket();
        BigDecimal fee = k.fee().add(p.fee());
        BigDecimal outlay = k.cost().add(p.cost()).add(fee);
        fees = fees.add(fee);
        pair.fees = pair.fees.add(fee);
        if (outlay.signum() != 0) {
            long at = report.executedAtNanos();
            if (firstOutlayNanos == Long.MIN_VALUE) {
                firstOutlayNanos = at;
            }
            if (pair.firstOutlayNanos == Long.MIN_VALUE) {
                pair.firstOutlayNanos = at;
            }
            locked = locked.add(outlay);
            capitalUsed = capitalUsed.max(locked);
            pair.locked = pair.locked.add(outlay);
            pair.capitalUsed = pair.capitalUsed.max(pair.locked);
            Held held = pair.held.computeIfAbsent(report.direction(), d -> new Held());
            held.kalshiOutcome = k.order().outcome();
            held.polymarketOutcome = p.order().outcome();
            held.kalshi += k.filledQuantity() * FixedPoint.ONE;
            held.polymarket += p.filledQuantity() * FixedPoint.ONE;
            held.cost = held.cost.add(k.cost()).add(p.cost());
            held.fees = held.fees.add(fee);
        }
        if (report.realisedEdge().signum() != 0) {
            pnl = pnl.add(report.realisedEdge());
            pair.pnl = pair.pnl.add(report.realisedEdge());
            pnlMoved(report.executedAtNanos());
        }
        MissReason why = MissReason.of(report);
        if (why != null) {
            missed.merge(why, 1L, Long::sum);
            if (misses.size() < MISSES_KEPT) {
                misses.add(new Miss(
                        report.detectedAtNanos(),
                        report.tradeId(),
                        report.opportunityId(),
                        report.pairId(),
                        report.direction(),
                        Math.max(k.requestedQuantity(), p.requestedQuantity()),
                        report.status(),
                        why,
                        report.reason(),
                        legRisk));
            }
        }
    }

    /**
     * Both of a pair's markets as last reported: once the domain's settlement rules say what its positions paid
     * ({@link Settlement#evaluate}; settled, or diverged with both markets settled), the pair's P&amp;L becomes what
     * was paid minus cost and fees, and its capital is free again.
     */
    void onMarkets(String pairId, MarketView kalshi, MarketView polymarket, long atNanos) {
        PairLedger pair = pairs.get(pairId);
        if (pair == null || pair.settled || pair.held.isEmpty()) {
            return;
        }
        BigDecimal realized = BigDecimal.ZERO;
        for (Held held : pair.held.values()) {
            SettlementVerdict verdict = Settlement.evaluate(
                    new HeldPosition(
                            pairId,
                            held.kalshiOutcome,
                            held.kalshi,
                            held.polymarketOutcome,
                            held.polymarket,
                            held.cost,
                            held.fees),
                    kalshi,
                    polymarket);
            BigDecimal paid = verdict instanceof SettlementVerdict.Settled settled
                    ? settled.realizedPnl()
                    : verdict instanceof SettlementVerdict.Diverged diverged ? diverged.realizedPnl() : null;
            if (paid == null) {
                return; // not paid out yet
            }
            realized = realized.add(paid);
        }
        pnl = pnl.add(realized.subtract(pair.pnl));
        pair.pnl = realized;
        locked = locked.subtract(pair.locked);
        pair.locked = BigDecimal.ZERO;
        pair.settled = true;
        pair.releasedAtNanos = atNanos;
        pnlMoved(atNanos);
    }

    private void pnlMoved(long atNanos) {
        peak = peak.max(pnl);
        maxDrawdown = maxDrawdown.max(peak.subtract(pnl));
        curveNanos.add(atNanos);
        curveMicros.add(pnl.movePointRight(FixedPoint.DECIMALS)
                .setScale(0, RoundingMode.HALF_EVEN)
                .longValue());
    }

    /** @param heldBack levels still held back from the books at the end ({@link TakenLiquidity}) */
    void finish(long endNanos, int heldBack) {
        this.endNanos = endNanos;
        this.heldBack = heldBack;
    }

    /** Levels a fill took from that the venues had neither emptied nor replaced by the end of the capture. */
    int liquidityHeldBack() {
        return heldBack;
    }

    private PairLedger pair(String pairId) {
        return pairs.computeIfAbsent(pairId, PairLedger::new);
    }

    // ---- what it comes to

    long latencyMillis() {
        return latencyMillis;
    }

    long trades() {
        return trades;
    }

    long filled() {
        return filled;
    }

    long partial() {
        return partial;
    }

    long rejected() {
        return rejected;
    }

    long unfilled() {
        return unfilled;
    }

    long unhedged() {
        return unhedged;
    }

    BigDecimal fees() {
        return fees;
    }

    BigDecimal pnl() {
        return pnl;
    }

    /** The most capital the trades tied up at any time. */
    BigDecimal capitalUsed() {
        return capitalUsed;
    }

    BigDecimal maxDrawdown() {
        return maxDrawdown;
    }

    /** P&amp;L over capital used, rounded down to 0.000001; 0 when nothing was spent. */
    static BigDecimal returnOnCapital(BigDecimal pnl, BigDecimal capital) {
        return capital.signum() <= 0
                ? BigDecimal.ZERO.setScale(RATIO_DECIMALS)
                : pnl.divide(capital, RATIO_DECIMALS, RoundingMode.FLOOR);
    }

    BigDecimal returnOnCapital() {
        return returnOnCapital(pnl, capitalUsed);
    }

    /**
     * The return on capital a year (contracts §7's rule, {@link ReturnOnCapital}): the capital is tied up from the
     * first trade until the capture ends, at least a day; null when nothing was spent.
     */
    BigDecimal annualizedReturn() {
        return annualized(pnl, capitalUsed, firstOutlayNanos, endNanos);
    }

    /** The same for one pair: its capital is free again when its markets settle, else at the capture's end. */
    BigDecimal annualizedReturn(PairLedger pair) {
        return annualized(
                pair.pnl, pair.capitalUsed, pair.firstOutlayNanos, pair.settled ? pair.releasedAtNanos : endNanos);
    }

    private static BigDecimal annualized(BigDecimal pnl, BigDecimal capital, long fromNanos, long untilNanos) {
        if (capital.signum() <= 0 || fromNanos == Long.MIN_VALUE) {
            return null;
        }
        long until = Math.max(fromNanos, untilNanos) / NANOS_PER_MILLI;
        return ReturnOnCapital.of(pnl, capital, until, until, fromNanos).annualizedReturn();
    }

    Map<String, PairLedger> pairs() {
        return Collections.unmodifiableMap(pairs);
    }

    /** Windows not traded in full, by why (all of them). */
    Map<MissReason, Long> missed() {
        return Collections.unmodifiableMap(missed);
    }

    /** The first {@link #MISSES_KEPT} windows not traded in full, in the order they were decided. */
    List<Miss> misses() {
        return Collections.unmodifiableList(misses);
    }

    /** The first {@link #TRADES_KEPT} trades, in the order they were reported. */
    List<Trade> tradesKept() {
        return Collections.unmodifiableList(kept);
    }

    /** Cumulative P&amp;L after each change: capture time, epoch nanos. */
    LongSeries curveNanos() {
        return curveNanos;
    }

    /** Cumulative P&amp;L after each change, in micro-dollars (for charts only). */
    LongSeries curveMicros() {
        return curveMicros;
    }
}
