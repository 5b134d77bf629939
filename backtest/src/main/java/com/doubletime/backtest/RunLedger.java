package com.doubletime.backtest;

import com.doubletime.domain.Direction;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.ReturnOnCapital;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.PositionSettled;
import com.doubletime.domain.trade.PositionState;
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
 * What one latency run traded, from the executor's reports and settlements as they are journaled: counts by status,
 * fees, P&amp;L (each report's {@code realisedEdge}: hedged pairs at $1, one-venue contracts at nothing, until the
 * settlement desk settles the pair at what its contracts paid), the capital the trades tie up (both legs' cost and
 * fees, locked until the capture ends or the pair's markets settle), drawdown, and the windows not traded in full with
 * why. Per pair and in total.
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

    /** A window not traded in full; {@code tradeId} and {@code status} null for one never decided. */
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
        long closedUndecided;
        boolean settled;
        boolean diverged;

        PairLedger(String pairId) {
            this.pairId = pairId;
        }
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
    private long closedUndecided;
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
     * A window free cash could not pay in full waited in the executor's capital ranking and closed before it was
     * decided: nothing was journaled or sent, and it is missed for capital.
     */
    void onClosedUndecided(ArbitrageOpportunityFound found, long atNanos) {
        missed.merge(MissReason.CAPITAL, 1L, Long::sum);
        pair(found.opportunity().pairId()).closedUndecided++;
        closedUndecided++;
        if (misses.size() < MISSES_KEPT) {
            misses.add(new Miss(
                    found.detectedAtNanos(),
                    null,
                    found.id(),
                    found.opportunity().pairId(),
                    found.opportunity().direction(),
                    found.opportunity().quantity(),
                    null,
                    MissReason.CAPITAL,
                    "free cash could not pay it in full; it waited in the capital ranking and closed "
                            + (atNanos - found.detectedAtNanos()) / NANOS_PER_MILLI + " ms after opening, before"
                            + " it was decided",
                    List.of()));
        }
    }

    /**
     * The executor's settlement desk settled a pair's position (both markets resolved, contracts §7): the pair's
     * P&amp;L becomes what its contracts paid minus cost and fees ({@link PositionSettled#realizedPnl}), in place of
     * the trades' edges counted so far, and its capital is free again.
     */
    void onSettled(PositionSettled settled) {
        PairLedger pair = pair(settled.pairId());
        if (pair.settled) {
            return; // one settlement per pair and pair of markets
        }
        pnl = pnl.add(settled.realizedPnl().subtract(pair.pnl));
        pair.pnl = settled.realizedPnl();
        locked = locked.subtract(pair.locked);
        pair.locked = BigDecimal.ZERO;
        pair.settled = true;
        pair.diverged = settled.state() == PositionState.DIVERGED;
        pair.releasedAtNanos = settled.atNanos();
        pnlMoved(settled.atNanos());
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

    /** Windows that closed while waiting in the capital ranking, never decided (counted in {@link #missed}). */
    long closedUndecided() {
        return closedUndecided;
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
