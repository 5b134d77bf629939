package com.doubletime.executor.paper;

import com.doubletime.domain.AskLadder;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MirroredLadder;
import com.doubletime.domain.Orderbook;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.VenueFees;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.LegOrder;
import com.doubletime.domain.trade.LevelFill;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulates an immediate-or-cancel limit buy against an ask ladder: it takes the levels best-first up to
 * the limit price and cancels the rest (and the mirror image, a sell into the bids down to its limit, which a
 * backtest's leg-risk orders need). Fills are whole contracts (what the order asked for); a level
 * may be taken in part, so level sizes stay fixed-point. Fees are the venue's ({@link VenueFees}): over the levels
 * taken, rounded up once for the whole order.
 */
public final class IocFill {
    private IocFill() {}

    /** The ladder a leg buys from: Kalshi books are held in YES terms, so its NO asks are its YES bids mirrored. */
    public static AskLadder asks(Orderbook book, LegOrder leg) {
        if (leg.platform() == Platform.KALSHI && leg.outcome() == Outcome.NO) {
            return new MirroredLadder(book.bids());
        }
        return book.asks();
    }

    /**
     * The ladder a leg sells into, best (highest) bid first: Kalshi books are held in YES terms, so its NO bids are
     * its YES asks mirrored. (An {@link AskLadder} is any best-first ladder; here the best is the highest.)
     */
    public static AskLadder bids(Orderbook book, LegOrder leg) {
        if (leg.platform() == Platform.KALSHI && leg.outcome() == Outcome.NO) {
            return new MirroredLadder(book.asks());
        }
        return book.bids();
    }

    /** How many whole contracts of {@code quantity} an immediate-or-cancel buy at the leg's limit would get. */
    public static long fillable(LegOrder order, AskLadder asks, long quantity) {
        return Math.min(
                quantity, FixedPoint.wholeUnitsDown(availableUpToLimit(asks, order.limitPrice(), quantity, true)));
    }

    public static LegFill buy(LegOrder order, AskLadder asks, long quantity, VenueFees fees) {
        return take(order, asks, quantity, fees, true);
    }

    /**
     * An immediate-or-cancel limit sell of {@code quantity} whole contracts into {@code bids} (best first, see
     * {@link #bids}): takes the bids at or above the leg's limit price and cancels the rest. The fill's
     * {@code cost} is what the sale brings in; its fee is the venue's taker fee on the levels taken, as for a buy.
     */
    public static LegFill sell(LegOrder order, AskLadder bids, long quantity, VenueFees fees) {
        return take(order, bids, quantity, fees, false);
    }

    private static LegFill take(LegOrder order, AskLadder ladder, long quantity, VenueFees fees, boolean buying) {
        long filled = Math.min(
                quantity, FixedPoint.wholeUnitsDown(availableUpToLimit(ladder, order.limitPrice(), quantity, buying)));
        List<LevelFill> levels = new ArrayList<>();
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal feeBase = BigDecimal.ZERO;
        long left = filled * FixedPoint.ONE;
        for (int level = 0; level < ladder.levelCount() && left > 0; level++) {
            long price = ladder.price(level);
            long take = Math.min(left, ladder.size(level));
            BigDecimal levelCost = FixedPoint.toBigDecimal(take).multiply(FixedPoint.toBigDecimal(price));
            levels.add(new LevelFill(price, take));
            cost = cost.add(levelCost);
            feeBase = feeBase.add(VenueFees.feeBaseOfCost(levelCost, price));
            left -= take;
        }
        return new LegFill(order, quantity, filled, levels, cost, fees.fee(feeBase));
    }

    /** Size resting at or better than {@code limit}, counted only as far as the order needs. */
    private static long availableUpToLimit(AskLadder ladder, long limit, long quantity, boolean buying) {
        long wanted = quantity * FixedPoint.ONE;
        long available = 0;
        for (int level = 0; level < ladder.levelCount() && available < wanted; level++) {
            long price = ladder.price(level);
            if (buying ? price > limit : price < limit) {
                break;
            }
            available += ladder.size(level);
        }
        return available;
    }
}
