package com.doubletime.executor.position;

import com.doubletime.domain.Outcome;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.PositionSettled;
import com.doubletime.domain.trade.PositionState;
import com.doubletime.domain.trade.TradeReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Positions and P&amp;L folded from the trade reports of the journal, per pair and in total, and from its
 * settlement records (issue 12).
 *
 * <p>While its markets trade a position is {@link PositionState#OPEN}: {@code cost} is the money outlaid (both legs
 * and fees), {@code lockedInEdge} what the hedged pairs will pay at resolution beyond their cost ({@code Σ
 * realisedEdge}; unhedged contracts count as zero, as in {@link TradeReport}), and {@code unhedgedExposure} the money
 * in contracts held on one venue only (excess contracts at their average price). Once both markets resolved it is
 * settled ({@link #settle}): its contracts go to zero, its cost no longer counts as exposure, {@code realizedPnl} is
 * what the payouts brought beyond cost and fees, and the difference from the edge locked in (contracts that paid
 * more or less than counted) is realised on the settlement's day. Realised P&amp;L per UTC day feeds the daily loss
 * limit. Single writer.
 */
public final class PositionBook {
    private static final int MONEY_DECIMALS = 6;

    /** One pair's holdings: contracts per venue and outcome, money outlaid, edge locked in. Changed by the book only. */
    public static final class Position {
        private final String pairId;
        private long kalshiYes;
        private long kalshiNo;
        private long polymarketYes;
        private long polymarketNo;
        private long hedged;
        private long unhedged;
        private int trades;
        private BigDecimal cost = BigDecimal.ZERO;
        private BigDecimal fees = BigDecimal.ZERO;
        private BigDecimal lockedInEdge = BigDecimal.ZERO;
        private BigDecimal unhedgedExposure = BigDecimal.ZERO;
        private final Map<LocalDate, BigDecimal> realisedByDay = new LinkedHashMap<>();
        private final List<String> tradeIds = new ArrayList<>();
        private PositionState state = PositionState.OPEN;
        private BigDecimal payouts;
        private BigDecimal realizedPnl;

        Position(String pairId) {
            this.pairId = pairId;
        }

        public PositionState state() {
            return state;
        }

        /** What the contracts paid at settlement, or null while open. */
        public BigDecimal payouts() {
            return payouts;
        }

        /** Payouts − cost − fees once settled (or diverged and paid), else null. */
        public BigDecimal realizedPnl() {
            return realizedPnl;
        }

        /** The money still tied up in this position: its cost while open, nothing once settled. */
        public BigDecimal openCost() {
            return state == PositionState.OPEN ? cost : BigDecimal.ZERO;
        }

        /** The trades that bought this position's contracts, oldest first. */
        public List<String> tradeIds() {
            return List.copyOf(tradeIds);
        }

        /** Whether contracts are held (any venue, any outcome). */
        public boolean holdsContracts() {
            return kalshiYes + kalshiNo + polymarketYes + polymarketNo > 0;
        }

        /** The most contracts held on one venue: what the per-pair position limit bounds. */
        public long largestVenuePosition() {
            return Math.max(kalshiYes + kalshiNo, polymarketYes + polymarketNo);
        }

        public String pairId() {
            return pairId;
        }

        public long kalshiYes() {
            return kalshiYes;
        }

        public long kalshiNo() {
            return kalshiNo;
        }

        public long polymarketYes() {
            return polymarketYes;
        }

        public long polymarketNo() {
            return polymarketNo;
        }

        public long hedged() {
            return hedged;
        }

        public long unhedged() {
            return unhedged;
        }

        public int trades() {
            return trades;
        }

        public BigDecimal cost() {
            return cost;
        }

        public BigDecimal fees() {
            return fees;
        }

        public BigDecimal lockedInEdge() {
            return lockedInEdge;
        }

        public BigDecimal unhedgedExposure() {
            return unhedgedExposure;
        }
    }

    private final Map<String, Position> byPair = new LinkedHashMap<>();
    private final Map<LocalDate, BigDecimal> realisedByDay = new LinkedHashMap<>();
    private final Map<LocalDate, BigDecimal> settledByDay = new LinkedHashMap<>();
    private BigDecimal totalCost = BigDecimal.ZERO;
    private BigDecimal totalUnhedgedExposure = BigDecimal.ZERO;

    /** Folds one trade in; rejected and unfilled trades hold nothing and change nothing. */
    public void record(TradeReport report) {
        if (report.kalshi().filledQuantity() == 0 && report.polymarket().filledQuantity() == 0) {
            return;
        }
        Position p = byPair.computeIfAbsent(report.pairId(), Position::new);
        if (p.state != PositionState.OPEN) {
            // a pair id reused for new markets after its position settled: a new position
            p = new Position(report.pairId());
            byPair.put(report.pairId(), p);
        }
        p.tradeIds.add(report.tradeId());
        LegFill k = report.kalshi();
        LegFill m = report.polymarket();
        if (k.order().outcome() == Outcome.YES) {
            p.kalshiYes += k.filledQuantity();
        } else {
            p.kalshiNo += k.filledQuantity();
        }
        if (m.order().outcome() == Outcome.YES) {
            p.polymarketYes += m.filledQuantity();
        } else {
            p.polymarketNo += m.filledQuantity();
        }
        p.hedged += report.hedgedQuantity();
        p.unhedged += report.unhedgedQuantity();
        p.trades++;
        p.cost = p.cost.add(report.totalCost());
        p.fees = p.fees.add(k.fee()).add(m.fee());
        p.lockedInEdge = p.lockedInEdge.add(report.realisedEdge());
        BigDecimal unhedged = unhedgedMoney(report);
        p.unhedgedExposure = p.unhedgedExposure.add(unhedged);
        totalCost = totalCost.add(report.totalCost());
        totalUnhedgedExposure = totalUnhedgedExposure.add(unhedged);
        realisedByDay.merge(day(report.executedAtNanos()), report.realisedEdge(), BigDecimal::add);
        p.realisedByDay.merge(day(report.executedAtNanos()), report.realisedEdge(), BigDecimal::add);
    }

    /**
     * A pair's position settled (or diverged and paid): contracts to zero, its cost released from the exposure, the
     * payouts and realised P&amp;L kept, and what differs from the edge locked in at trade time realised on the
     * settlement's UTC day. A settlement for a pair holding nothing open changes nothing.
     */
    public void settle(PositionSettled settled) {
        Position p = byPair.get(settled.pairId());
        if (p == null || p.state != PositionState.OPEN) {
            return;
        }
        totalCost = totalCost.subtract(p.cost);
        totalUnhedgedExposure = totalUnhedgedExposure.subtract(p.unhedgedExposure);
        BigDecimal surprise = settled.realizedPnl().subtract(p.lockedInEdge);
        realisedByDay.merge(day(settled.atNanos()), surprise, BigDecimal::add);
        p.realisedByDay.merge(day(settled.atNanos()), surprise, BigDecimal::add);
        settledByDay.merge(day(settled.atNanos()), settled.realizedPnl(), BigDecimal::add);
        p.kalshiYes = 0;
        p.kalshiNo = 0;
        p.polymarketYes = 0;
        p.polymarketNo = 0;
        p.hedged = 0;
        p.unhedged = 0;
        p.unhedgedExposure = BigDecimal.ZERO;
        p.state = settled.state();
        p.payouts = settled.payouts();
        p.realizedPnl = settled.realizedPnl();
    }

    public Position position(String pairId) {
        return byPair.get(pairId);
    }

    public Collection<Position> positions() {
        return byPair.values();
    }

    /** Money outlaid on the positions still open (what the total exposure limit bounds). */
    public BigDecimal totalCost() {
        return totalCost;
    }

    public BigDecimal totalUnhedgedExposure() {
        return totalUnhedgedExposure;
    }

    /** The edge locked in by positions still open (a settled one's is realised). */
    public BigDecimal totalLockedInEdge() {
        return byPair.values().stream()
                .filter(p -> p.state == PositionState.OPEN)
                .map(Position::lockedInEdge)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Realised P&amp;L of the positions settled on the UTC day of {@code nowNanos}. */
    public BigDecimal settledOn(long nowNanos) {
        return settledByDay.getOrDefault(day(nowNanos), BigDecimal.ZERO);
    }

    /** Loss realised on the UTC day of {@code nowNanos}, as a positive amount (zero on a winning day). */
    public BigDecimal realisedLossOn(long nowNanos) {
        BigDecimal realised = realisedByDay.getOrDefault(day(nowNanos), BigDecimal.ZERO);
        return realised.signum() < 0 ? realised.negate() : BigDecimal.ZERO;
    }

    /** One pair's loss realised on the UTC day of {@code nowNanos}, as a positive amount. */
    public BigDecimal realisedLossOn(String pairId, long nowNanos) {
        Position p = byPair.get(pairId);
        BigDecimal realised =
                p == null ? BigDecimal.ZERO : p.realisedByDay.getOrDefault(day(nowNanos), BigDecimal.ZERO);
        return realised.signum() < 0 ? realised.negate() : BigDecimal.ZERO;
    }

    public BigDecimal realisedOn(long nowNanos) {
        return realisedByDay.getOrDefault(day(nowNanos), BigDecimal.ZERO);
    }

    /** The excess contracts on the longer leg at that leg's average price, fee included pro rata. */
    private static BigDecimal unhedgedMoney(TradeReport report) {
        long excess = report.unhedgedQuantity();
        if (excess == 0) {
            return BigDecimal.ZERO;
        }
        LegFill longer = report.kalshi().filledQuantity() > report.polymarket().filledQuantity()
                ? report.kalshi()
                : report.polymarket();
        return longer.cost()
                .add(longer.fee())
                .multiply(BigDecimal.valueOf(excess))
                .divide(BigDecimal.valueOf(longer.filledQuantity()), MONEY_DECIMALS, RoundingMode.HALF_UP);
    }

    private static LocalDate day(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos).atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
