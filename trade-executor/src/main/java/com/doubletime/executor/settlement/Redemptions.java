package com.doubletime.executor.settlement;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.settlement.Redeemer;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.PositionRedeemed;
import com.doubletime.domain.trade.PositionSettled;
import com.doubletime.executor.lifecycle.CurrentPairs;
import com.doubletime.executor.lifecycle.TradeJournal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * Live Polymarket winnings still to be redeemed on chain: a settled position whose Polymarket tokens pay is
 * redeemable until a successful {@code redeemPositions} ({@link Redeemer}, when one is configured) is journaled as a
 * {@link PositionRedeemed}. Without a redeemer they are only listed (API and dashboard), for the trader to redeem by
 * hand; with one, each is redeemed once after its settlement and again at start while still pending, one at a time,
 * each attempt journaled, and the venue's cash is read again after a success. Rebuilt from the journal at start.
 * Single writer: the executor's thread.
 */
public final class Redemptions {
    private static final System.Logger LOG = System.getLogger(Redemptions.class.getName());

    /** What the API lists. */
    public enum State {
        /** Settled, not redeemed yet (or a redeemer is not configured). */
        PENDING,
        /** Being redeemed now. */
        REDEEMING,
        /** The last attempt failed; tried again at the next start. */
        FAILED,
        /** Redeemed on chain. */
        REDEEMED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One market's tokens to redeem.
     *
     * @param yesShares FixedPoint shares of the YES token held
     * @param noShares FixedPoint shares of the NO token held
     * @param payout what they pay
     */
    public record Redeemable(
            String pairId,
            String conditionId,
            long yesShares,
            long noShares,
            BigDecimal payout,
            State state,
            String transactionHash,
            String detail) {
        Redeemable with(State newState, String hash, String why) {
            return new Redeemable(pairId, conditionId, yesShares, noShares, payout, newState, hash, why);
        }
    }

    private final Redeemer redeemer;
    private final CurrentPairs pairs;
    private final TradeJournal journal;
    private final Executor loop;
    private final LongSupplier clock;
    private final Runnable cashChanged;
    private final Map<String, Redeemable> byCondition = new LinkedHashMap<>();
    private CompletionStage<Void> queue = CompletableFuture.completedFuture(null);

    /**
     * @param redeemer null: redeemable positions are listed, not redeemed
     * @param journal journals (and publishes) each attempt
     * @param cashChanged after a successful redemption (the Polymarket cash is read again)
     */
    public Redemptions(
            Redeemer redeemer,
            CurrentPairs pairs,
            TradeJournal journal,
            Executor loop,
            LongSupplier clock,
            Runnable cashChanged) {
        this.redeemer = redeemer;
        this.pairs = pairs;
        this.journal = journal;
        this.loop = loop;
        this.clock = clock;
        this.cashChanged = cashChanged;
    }

    /** Start-up: settlements make redeemables, redemptions close them. */
    public void fold(JournalEntry entry) {
        if (entry instanceof PositionSettled settled) {
            add(settled);
        } else if (entry instanceof PositionRedeemed redeemed) {
            Redeemable known = byCondition.get(key(redeemed.conditionId()));
            if (known != null) {
                byCondition.put(
                        key(redeemed.conditionId()),
                        known.with(
                                redeemed.succeeded() ? State.REDEEMED : State.FAILED,
                                redeemed.transactionHash(),
                                redeemed.detail()));
            }
        }
    }

    /** A live position settled: its paying Polymarket tokens become redeemable, and are redeemed when configured. */
    public void settled(PositionSettled settled) {
        if (add(settled)) {
            redeem(byCondition.get(key(settled.polymarketMarket())));
        }
    }

    /** Start: what is still pending (or failed last time) is redeemed, when a redeemer is configured. */
    public void redeemPending() {
        for (Redeemable r : List.copyOf(byCondition.values())) {
            if (r.state() == State.PENDING || r.state() == State.FAILED) {
                redeem(r);
            }
        }
    }

    /** Every market with paying tokens, redeemed or not, in settlement order. */
    public List<Redeemable> all() {
        return new ArrayList<>(byCondition.values());
    }

    public boolean configured() {
        return redeemer != null;
    }

    private boolean add(PositionSettled settled) {
        if (settled.polymarketPayout().signum() <= 0 || byCondition.containsKey(key(settled.polymarketMarket()))) {
            return false;
        }
        byCondition.put(
                key(settled.polymarketMarket()),
                new Redeemable(
                        settled.pairId(),
                        settled.polymarketMarket(),
                        settled.polymarketYes() * FixedPoint.ONE,
                        settled.polymarketNo() * FixedPoint.ONE,
                        settled.polymarketPayout(),
                        State.PENDING,
                        null,
                        null));
        return true;
    }

    private void redeem(Redeemable r) {
        if (redeemer == null || r == null) {
            return;
        }
        MarketPair pair = pairs.find(r.pairId());
        boolean negRisk = pair != null && pair.negRisk();
        byCondition.put(key(r.conditionId()), r.with(State.REDEEMING, null, null));
        queue = queue.thenCompose(previous -> attempt(r, negRisk));
    }

    private CompletionStage<Void> attempt(Redeemable r, boolean negRisk) {
        CompletionStage<Redeemer.Result> sent;
        try {
            sent = redeemer.redeem(r.conditionId(), negRisk, r.yesShares(), r.noShares());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        sent.whenComplete((result, failure) -> loop.execute(() -> {
            Redeemer.Result outcome =
                    failure != null ? new Redeemer.Result(false, null, String.valueOf(failure.getMessage())) : result;
            PositionRedeemed record = new PositionRedeemed(
                    r.pairId(),
                    r.conditionId(),
                    r.yesShares(),
                    r.noShares(),
                    r.payout(),
                    outcome.succeeded(),
                    outcome.transactionHash(),
                    outcome.detail(),
                    clock.getAsLong());
            journal.append(record)
                    .whenComplete((recorded, journalFailure) -> loop.execute(() -> {
                        byCondition.put(
                                key(r.conditionId()),
                                r.with(
                                        outcome.succeeded() ? State.REDEEMED : State.FAILED,
                                        outcome.transactionHash(),
                                        outcome.detail()));
                        if (outcome.succeeded()) {
                            LOG.log(
                                    System.Logger.Level.INFO,
                                    "redeemed polymarket " + r.conditionId() + " of pair " + r.pairId() + " for $"
                                            + r.payout().toPlainString() + " (transaction " + outcome.transactionHash()
                                            + ")");
                            cashChanged.run();
                        } else {
                            LOG.log(
                                    System.Logger.Level.ERROR,
                                    "redeeming polymarket " + r.conditionId() + " of pair " + r.pairId() + " failed: "
                                            + outcome.detail()
                                            + "; it stays redeemable (tried again at the next start)");
                        }
                        if (journalFailure != null) {
                            LOG.log(
                                    System.Logger.Level.ERROR,
                                    "the redemption of " + r.conditionId() + " could not be journaled: "
                                            + journalFailure.getMessage());
                        }
                        done.complete(null);
                    }));
        }));
        return done;
    }

    private static String key(String conditionId) {
        return conditionId.toLowerCase(Locale.ROOT);
    }
}
