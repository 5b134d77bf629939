package com.doubletime.executor.settlement;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.market.MarketStatus;
import com.doubletime.domain.market.MarketView;
import com.doubletime.domain.market.Resolution;
import com.doubletime.domain.settlement.HeldPosition;
import com.doubletime.domain.settlement.Settlement;
import com.doubletime.domain.settlement.SettlementVerdict;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.PositionSettled;
import com.doubletime.domain.trade.PositionState;
import com.doubletime.domain.trade.ResolutionDivergence;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.executor.capital.CapitalDesk;
import com.doubletime.executor.lifecycle.CurrentPairs;
import com.doubletime.executor.lifecycle.MarketBoard;
import com.doubletime.executor.lifecycle.TradeHistory;
import com.doubletime.executor.lifecycle.TradeJournal;
import com.doubletime.executor.position.PositionBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Settles held positions when their markets resolve (issue 12), without Vert.x. On every market status the feeds
 * report, each configured pair holding contracts on that market is judged by the domain's {@link Settlement} rules,
 * one lot per direction (Kalshi YES with the Polymarket token paying with Kalshi NO, and the other way round):
 *
 * <ul>
 *   <li>both markets settled and every hedged pair paid exactly $1: a {@link PositionSettled} is journaled (payouts,
 *       cost, fees, realised P&amp;L = payouts − cost − fees, exact), then the position goes to zero, its capital is
 *       released (paper: the account is paid; live: the venues pay and the next cash read shows it), its trades'
 *       reports become {@code SETTLED} with what each made, and paying Polymarket tokens become redeemable;</li>
 *   <li>the venues resolved apart (both legs lose, both win, a payout other than 0/1) or one leg settled while the
 *       other market still trades: a {@link ResolutionDivergence} is journaled once per pair and kind, published,
 *       logged at ERROR; once both markets settled the position is settled as {@code diverged} with the P&amp;L the
 *       payouts actually brought;</li>
 *   <li>otherwise nothing: it waits for the next status.</li>
 * </ul>
 *
 * Nothing takes effect before its record is journaled; a restart replays the records ({@link #fold}) and shows the
 * same. Single writer: the executor's thread.
 */
public final class SettlementDesk {
    private static final System.Logger LOG = System.getLogger(SettlementDesk.class.getName());

    private final MarketBoard markets;
    private final CurrentPairs pairs;
    private final PositionBook positions;
    private final TradeHistory history;
    private final CapitalDesk capital;
    private final Redemptions redemptions;
    private final TradeJournal journal;
    private final Executor loop;
    private final LongSupplier clock;
    private final Consumer<TradeReport> settledTrades;
    private Runnable afterSettlement = () -> {};
    private final Set<String> raised = new HashSet<>();
    private final Set<String> settling = new HashSet<>();

    /**
     * @param capital null: no capital rules (nothing to release)
     * @param redemptions null: paper (settlement pays the paper account at once)
     * @param journal journals and publishes settlements and divergences
     * @param settledTrades told of each trade report turned SETTLED (published on the trades stream)
     */
    public SettlementDesk(
            MarketBoard markets,
            CurrentPairs pairs,
            PositionBook positions,
            TradeHistory history,
            CapitalDesk capital,
            Redemptions redemptions,
            TradeJournal journal,
            Executor loop,
            LongSupplier clock,
            Consumer<TradeReport> settledTrades) {
        this.markets = markets;
        this.pairs = pairs;
        this.positions = positions;
        this.history = history;
        this.capital = capital;
        this.redemptions = redemptions;
        this.journal = journal;
        this.loop = loop;
        this.clock = clock;
        this.settledTrades = settledTrades;
    }

    /** Told after each settlement took effect (live: the venues' cash is read again). */
    public void onSettled(Runnable listener) {
        this.afterSettlement = listener;
    }

    /** Start-up, after the trade reports of the same entries: settlements and divergences already journaled. */
    public void fold(JournalEntry entry) {
        if (entry instanceof PositionSettled settled) {
            positions.settle(settled);
        } else if (entry instanceof ResolutionDivergence divergence) {
            raised.add(divergence.eventId());
        }
    }

    /** Start-up: the recent trades' reports as settled as the journal says. */
    public void recover(List<JournalEntry> recent) {
        for (JournalEntry entry : recent) {
            if (entry instanceof PositionSettled settled) {
                history.settle(settled);
            }
        }
    }

    /** A market's status changed (already on the board): every pair trading it is judged again. */
    public void marketChanged(MarketView view) {
        for (MarketPair pair : pairs.all()) {
            if (MarketBoard.concerns(pair, view)) {
                evaluate(pair);
            }
        }
    }

    /** Judges every configured pair (after start, after the pairs changed). */
    public void evaluateAll() {
        pairs.all().forEach(this::evaluate);
    }

    /** Judges one pair's position against both its markets as the board knows them. */
    public void evaluate(MarketPair pair) {
        PositionBook.Position held = positions.position(pair.id());
        if (held == null
                || held.state() != PositionState.OPEN
                || !held.holdsContracts()
                || settling.contains(pair.id())) {
            return;
        }
        MarketView kalshi = markets.kalshi(pair);
        MarketView polymarket = markets.polymarket(pair);
        if (kalshi == null || polymarket == null) {
            return;
        }
        SettlementVerdict.Diverged diverged = null;
        BigDecimal atStake = BigDecimal.ZERO;
        boolean allSettled = true;
        for (HeldPosition lot : lots(pair, held)) {
            SettlementVerdict verdict = Settlement.evaluate(lot, kalshi, polymarket);
            if (verdict instanceof SettlementVerdict.Diverged d) {
                diverged = diverged == null ? d : diverged;
                atStake = atStake.add(d.moneyAtStake());
            } else if (verdict instanceof SettlementVerdict.Pending) {
                allSettled = false;
            }
        }
        boolean bothSettled = kalshi.status() == MarketStatus.SETTLED && polymarket.status() == MarketStatus.SETTLED;
        if (diverged != null) {
            raise(pair, diverged, atStake, kalshi, polymarket);
            if (bothSettled && kalshi.resolution() != null && polymarket.resolution() != null) {
                settle(pair, held, kalshi, polymarket, PositionState.DIVERGED);
            }
        } else if (allSettled && bothSettled) {
            settle(pair, held, kalshi, polymarket, PositionState.SETTLED);
        }
    }

    /** One held lot per direction: Kalshi YES with the token paying with Kalshi NO, Kalshi NO with the other one. */
    private static List<HeldPosition> lots(MarketPair pair, PositionBook.Position held) {
        List<HeldPosition> lots = new ArrayList<>();
        for (Outcome kalshi : Outcome.values()) {
            long kalshiContracts = kalshi == Outcome.YES ? held.kalshiYes() : held.kalshiNo();
            Outcome polymarket = pair.polymarketOutcomePayingWith(kalshi.opposite());
            long polymarketContracts = polymarket == Outcome.YES ? held.polymarketYes() : held.polymarketNo();
            if (kalshiContracts > 0 || polymarketContracts > 0) {
                lots.add(new HeldPosition(
                        pair.id(),
                        kalshi,
                        kalshiContracts * FixedPoint.ONE,
                        polymarket,
                        polymarketContracts * FixedPoint.ONE,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO));
            }
        }
        return lots;
    }

    private void raise(
            MarketPair pair,
            SettlementVerdict.Diverged diverged,
            BigDecimal atStake,
            MarketView kalshi,
            MarketView polymarket) {
        ResolutionDivergence alert = new ResolutionDivergence(
                pair.id(),
                diverged.kind(),
                result(kalshi),
                result(polymarket),
                atStake,
                "RESOLUTION_DIVERGENCE " + diverged.description()
                        + (atStake.compareTo(diverged.moneyAtStake()) == 0
                                ? ""
                                : " (both directions: "
                                        + atStake.stripTrailingZeros().toPlainString() + " at stake)"),
                clock.getAsLong());
        if (!raised.add(alert.eventId())) {
            return;
        }
        LOG.log(System.Logger.Level.ERROR, alert.message());
        journal.append(alert).whenComplete((done, failure) -> {
            if (failure != null) {
                loop.execute(() -> {
                    raised.remove(alert.eventId()); // raised again at the next status
                    LOG.log(
                            System.Logger.Level.ERROR,
                            "the divergence of pair " + pair.id() + " could not be journaled: " + failure.getMessage());
                });
            }
        });
    }

    private static ResolutionDivergence.VenueResult result(MarketView view) {
        Resolution resolution = view.resolution();
        return new ResolutionDivergence.VenueResult(
                view.market(),
                view.status(),
                resolution == null ? null : resolution.result(),
                resolution == null ? -1 : resolution.yesPayout());
    }

    private void settle(
            MarketPair pair,
            PositionBook.Position held,
            MarketView kalshi,
            MarketView polymarket,
            PositionState state) {
        long kalshiYes = kalshi.resolution().yesPayout();
        long polymarketYes = polymarket.resolution().yesPayout();
        BigDecimal kalshiPayout = PositionSettled.payout(held.kalshiYes(), kalshiYes, Outcome.YES)
                .add(PositionSettled.payout(held.kalshiNo(), kalshiYes, Outcome.NO));
        BigDecimal polymarketPayout = PositionSettled.payout(held.polymarketYes(), polymarketYes, Outcome.YES)
                .add(PositionSettled.payout(held.polymarketNo(), polymarketYes, Outcome.NO));
        // the book's cost is everything outlaid, fees included
        BigDecimal legs = held.cost().subtract(held.fees());
        BigDecimal pnl = kalshiPayout.add(polymarketPayout).subtract(legs).subtract(held.fees());
        PositionSettled settled = new PositionSettled(
                pair.id(),
                state,
                kalshi.market(),
                kalshi.resolution().result(),
                kalshiYes,
                polymarket.market(),
                polymarket.resolution().result(),
                polymarketYes,
                held.kalshiYes(),
                held.kalshiNo(),
                held.polymarketYes(),
                held.polymarketNo(),
                legs,
                held.fees(),
                kalshiPayout,
                polymarketPayout,
                pnl,
                held.tradeIds(),
                clock.getAsLong());
        settling.add(pair.id());
        journal.append(settled)
                .whenComplete((done, failure) -> loop.execute(() -> {
                    settling.remove(pair.id());
                    if (failure != null) {
                        LOG.log(
                                System.Logger.Level.ERROR,
                                "the settlement of pair " + pair.id() + " could not be journaled ("
                                        + failure.getMessage() + "); it is settled again at the next market status");
                        return;
                    }
                    apply(settled);
                }));
    }

    /** A journaled settlement takes effect: positions, capital, the trades' reports, redemptions. */
    private void apply(PositionSettled settled) {
        positions.settle(settled);
        if (capital != null) {
            capital.settled(settled);
        }
        LOG.log(
                settled.state() == PositionState.SETTLED ? System.Logger.Level.INFO : System.Logger.Level.ERROR,
                (settled.state() == PositionState.SETTLED ? "SETTLED" : "SETTLED (diverged)") + " pair "
                        + settled.pairId() + ": kalshi " + settled.kalshiResult() + " paid $"
                        + settled.kalshiPayout().toPlainString() + ", polymarket " + settled.polymarketResult()
                        + " pays $" + settled.polymarketPayout().toPlainString() + "; cost $"
                        + settled.cost().toPlainString() + ", fees $"
                        + settled.fees().toPlainString()
                        + ", realised P&L $" + settled.realizedPnl().toPlainString());
        for (TradeReport report : history.settle(settled)) {
            settledTrades.accept(report);
        }
        if (redemptions != null) {
            redemptions.settled(settled);
        }
        afterSettlement.run();
    }
}
