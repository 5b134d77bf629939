package com.doubletime.executor.capital;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Opportunity;
import com.doubletime.domain.Platform;
import com.doubletime.domain.capital.CapitalMath;
import com.doubletime.domain.capital.CapitalSizing;
import com.doubletime.domain.capital.Hold;
import com.doubletime.domain.capital.VenueCapital;
import com.doubletime.domain.capital.VenueCash;
import com.doubletime.domain.format.OpportunityJson;
import com.doubletime.domain.market.MarketView;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.LegOrder;
import com.doubletime.domain.trade.PositionSettled;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.executor.lifecycle.MarketBoard;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The executor's cash on both venues and what its orders lock, without Vert.x (issue 12, contracts §7):
 *
 * <ul>
 *   <li><b>cash</b>: live, what each venue last reported ({@link #cashRead}, read by {@link CashRefresher}); paper,
 *       the {@link PaperCash} account;</li>
 *   <li><b>locked</b>: every accepted trade holds both legs at their limit prices plus the worst-case fee from its
 *       decision until its report ({@link #hold}, {@link #release}); live, what a trade spent then stays locked
 *       until a cash read that started after it ({@code spent}), so free cash is never counted twice;</li>
 *   <li><b>free</b> = cash − locked, per Kalshi shard (the market's {@code exchange_index}) and on Polymarket capped
 *       by the exchange's allowance ({@link CapitalMath}).</li>
 * </ul>
 *
 * <p>Before any order leaves, both legs must be payable from free cash: {@link #size} gives the largest quantity
 * both venues can pay or a refusal naming venue, shard and shortfall ({@link CapitalSizing}); the last look checks
 * again ({@link #overdrawnBecause}). Live, a venue whose cash was never read pays for nothing (fail closed).
 *
 * <p>A venue whose free cash falls below its configured floor raises one {@code FREE_CASH_LOW} alert, and again
 * only after it was back above. Single writer: the executor's thread.
 */
public final class CapitalDesk {
    private static final System.Logger LOG = System.getLogger(CapitalDesk.class.getName());
    private static final long NANOS_PER_MILLI = 1_000_000;

    /** What a trade spent on one venue, locked until a cash read that started after {@code readsBefore}. */
    private record Spent(Platform platform, int shard, String trade, BigDecimal amount, long readsBefore) {}

    private final ExecutionMode mode;
    private final CapitalSettings settings;
    private final MarketBoard markets;
    private final LongSupplier clock;
    private final PaperCash paper;
    private final Map<Platform, VenueCash> read = new EnumMap<>(Platform.class);
    private final Map<Platform, String> readFailure = new EnumMap<>(Platform.class);
    private final Map<Platform, Long> readsStarted = new EnumMap<>(Platform.class);
    private final Map<String, List<Hold>> inFlight = new LinkedHashMap<>();
    private final List<Spent> spent = new ArrayList<>();
    private final Set<Platform> belowFloor = EnumSet.noneOf(Platform.class);
    private Consumer<ExecutionAlert> alerts = alert -> {};

    /** @param clock epoch nanos */
    public CapitalDesk(ExecutionMode mode, CapitalSettings settings, MarketBoard markets, LongSupplier clock) {
        this.mode = mode;
        this.settings = settings;
        this.markets = markets;
        this.clock = clock;
        this.paper = mode == ExecutionMode.PAPER ? new PaperCash(settings) : null;
    }

    /** Where a {@code FREE_CASH_LOW} alert goes (the executor journals and publishes it). */
    public CapitalDesk onAlert(Consumer<ExecutionAlert> alerts) {
        this.alerts = alerts;
        return this;
    }

    public ExecutionMode mode() {
        return mode;
    }

    public CapitalSettings settings() {
        return settings;
    }

    // ---- the journal at start

    /** Start-up: the paper account from the journal's paper trades and settlements (live reads the venues). */
    public void fold(JournalEntry entry) {
        if (paper == null) {
            return;
        }
        if (entry instanceof TradeReport report) {
            paper.spend(report);
        } else if (entry instanceof PositionSettled settled) {
            paper.receive(settled);
        }
    }

    // ---- what is free

    /** A venue's cash, locked and free now; null while a live venue's cash was never read. */
    public VenueCapital capital(Platform venue) {
        VenueCash cash = cash(venue);
        if (cash == null) {
            return null;
        }
        List<Hold> holds = new ArrayList<>();
        inFlight.values()
                .forEach(trade ->
                        trade.stream().filter(hold -> hold.platform() == venue).forEach(holds::add));
        for (Spent s : spent) {
            if (s.platform() == venue) {
                holds.add(new Hold(venue, s.shard(), s.trade(), s.amount()));
            }
        }
        return CapitalMath.capital(cash, holds);
    }

    /** The venue's cash as last known (paper: the account now), or null. */
    public VenueCash cash(Platform venue) {
        return paper != null ? paper.cash(venue, markets, clock.getAsLong() / NANOS_PER_MILLI) : read.get(venue);
    }

    /** Why no trade can be paid now (a live venue's cash never read), or null. */
    public String unknownBecause() {
        for (Platform venue : Platform.values()) {
            if (cash(venue) == null) {
                String failure = readFailure.get(venue);
                return "capital unknown: " + venue.wireName() + " cash has not been read yet"
                        + (failure == null ? "" : " (last read failed: " + failure + ")");
            }
        }
        return null;
    }

    /**
     * The largest quantity, up to {@code wanted}, both legs can pay from free cash at their limit prices plus
     * worst-case fees (Kalshi from the market's shard), or a refusal naming venue, shard and shortfall.
     *
     * @param minimum the smallest tradable whole quantity (Polymarket's minimum order size)
     */
    public CapitalSizing.Sizing size(MarketPair pair, LegOrder kalshi, LegOrder polymarket, long wanted, long minimum) {
        VenueCapital k = capital(Platform.KALSHI);
        VenueCapital p = capital(Platform.POLYMARKET);
        int shard = markets.kalshiShard(pair);
        return CapitalSizing.size(
                new CapitalSizing.LegQuote(Platform.KALSHI, kalshi.limitPrice(), pair.kalshiTakerFeeRate()),
                new CapitalSizing.LegQuote(Platform.POLYMARKET, polymarket.limitPrice(), pair.polymarketTakerFeeRate()),
                wanted,
                minimum,
                k.freeFor(shard),
                shard,
                p.freeFor(MarketView.NO_SHARD));
    }

    /** Whether free cash pays the whole opportunity now (no ranking needed); true when the rules cannot say. */
    public boolean coversInFull(MarketPair pair, Opportunity o) {
        if (pair == null || unknownBecause() != null || o.quantity() <= 0) {
            return true; // the decision refuses it with the reason
        }
        try {
            CapitalSizing.Sizing sizing =
                    size(pair, LegOrder.of(o.kalshi()), LegOrder.of(o.polymarket()), o.quantity(), 1);
            return sizing.quantity() == o.quantity();
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    // ---- trades

    /** An accepted decision locks both legs (quantity at limit plus worst-case fee) until its report. */
    public void hold(TradeDecision decision, MarketPair pair) {
        if (!decision.accepted() || decision.quantity() <= 0) {
            return;
        }
        long quantity = decision.quantity() * FixedPoint.ONE;
        int shard = markets.kalshiShard(pair);
        inFlight.put(
                decision.tradeId(),
                List.of(
                        Hold.forOrder(
                                Platform.KALSHI,
                                shard,
                                decision.tradeId(),
                                pair.kalshiTakerFeeRate(),
                                quantity,
                                decision.kalshi().limitPrice()),
                        Hold.forOrder(
                                Platform.POLYMARKET,
                                MarketView.NO_SHARD,
                                decision.tradeId(),
                                pair.polymarketTakerFeeRate(),
                                quantity,
                                decision.polymarket().limitPrice())));
    }

    /**
     * A trade's report: its holds go. Paper, the account pays both legs at once. Live, what each leg spent stays
     * locked until a cash read that started after now shows it.
     */
    public void release(TradeReport report) {
        inFlight.remove(report.tradeId());
        if (paper != null) {
            paper.spend(report);
        } else {
            for (LegFill leg : new LegFill[] {report.kalshi(), report.polymarket()}) {
                BigDecimal amount = leg.cost().add(leg.fee());
                if (amount.signum() > 0) {
                    Platform venue = leg.order().platform();
                    spent.add(new Spent(
                            venue,
                            venue == Platform.KALSHI
                                    ? markets.kalshiShard(leg.order().instrument())
                                    : MarketView.NO_SHARD,
                            report.tradeId(),
                            amount,
                            readsStarted.getOrDefault(venue, 0L)));
                }
            }
        }
        checkFloors();
    }

    /** A trade ended without a report (the journal failed): its holds go. */
    public void releaseHolds(String tradeId) {
        inFlight.remove(tradeId);
    }

    /**
     * The last look: why the decided trade can no longer be paid (a cash read showed less since the decision, on
     * the market's shard), or null. Its own holds count, so free cash must not be below zero.
     */
    public String overdrawnBecause(TradeDecision decision, MarketPair pair) {
        if (!inFlight.containsKey(decision.tradeId())) {
            return null;
        }
        int shard = markets.kalshiShard(pair);
        for (Platform venue : Platform.values()) {
            VenueCapital capital = capital(venue);
            if (capital == null) {
                return unknownBecause();
            }
            BigDecimal free = capital.freeFor(venue == Platform.KALSHI ? shard : MarketView.NO_SHARD);
            if (free.signum() < 0) {
                return "re-check before sending: " + venue + (venue == Platform.KALSHI ? " shard " + shard : "")
                        + " can no longer pay both legs: free cash is " + free.toPlainString()
                        + " with this trade's hold (cash fell since the decision)";
            }
        }
        return null;
    }

    // ---- live cash reads

    /** A cash read of {@code venue} starts; answers its sequence number for {@link #cashRead}. */
    public long readStarted(Platform venue) {
        return readsStarted.merge(venue, 1L, Long::sum);
    }

    /** A venue's cash as read by read number {@code sequence}: what trades spent before it started is in it. */
    public void cashRead(VenueCash cash, long sequence) {
        Platform venue = cash.platform();
        read.put(venue, cash);
        readFailure.remove(venue);
        for (Iterator<Spent> it = spent.iterator(); it.hasNext(); ) {
            Spent s = it.next();
            if (s.platform() == venue && s.readsBefore() < sequence) {
                it.remove();
            }
        }
        checkFloors();
    }

    /** A cash read failed: the last one read stays (reported with its time), the reason is kept for the API. */
    public void readFailed(Platform venue, String why) {
        readFailure.put(venue, why);
    }

    /** Why the last cash read of a venue failed, or null. */
    public String readFailure(Platform venue) {
        return readFailure.get(venue);
    }

    // ---- settlement

    /** A position settled: paper, the account is paid what the contracts pay (live, the venues pay; reads show it). */
    public void settled(PositionSettled settlement) {
        if (paper != null) {
            paper.receive(settlement);
        }
        checkFloors();
    }

    private void checkFloors() {
        for (Map.Entry<Platform, BigDecimal> floor : settings.freeCashFloor().entrySet()) {
            Platform venue = floor.getKey();
            VenueCapital capital = capital(venue);
            if (capital == null) {
                continue;
            }
            boolean below = capital.free().compareTo(floor.getValue()) < 0;
            if (below && belowFloor.add(venue)) {
                String message = venue.wireName() + " free cash $" + OpportunityJson.money(capital.free())
                        + " fell below its floor $" + floor.getValue().toPlainString() + " (cash "
                        + capital.cash().toPlainString() + ", locked "
                        + capital.locked().toPlainString()
                        + "): trades there may soon be refused for cash";
                LOG.log(System.Logger.Level.WARNING, "FREE_CASH_LOW " + message);
                long now = clock.getAsLong();
                alerts.accept(new ExecutionAlert(
                        "capital:" + venue.wireName() + ":" + now,
                        null,
                        ExecutionAlert.AlertKind.FREE_CASH_LOW,
                        message,
                        now));
            } else if (!below && belowFloor.remove(venue)) {
                LOG.log(
                        System.Logger.Level.INFO,
                        venue.wireName() + " free cash $" + OpportunityJson.money(capital.free())
                                + " is back above its floor $"
                                + floor.getValue().toPlainString());
            }
        }
    }
}
