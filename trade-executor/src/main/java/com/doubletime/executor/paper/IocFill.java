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
 * the limit price and cancels the rest. Fills are whole contracts (what the order asked for); a level
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

    /** How many whole contracts of {@code quantity} an immediate-or-cancel buy at the leg's limit would get. */
    public static long fillable(LegOrder order, AskLadder asks, long quantity) {
        return Math.min(quantity, FixedPoint.wholeUnitsDown(availableUpToLimit(asks, order.limitPrice(), quantity)));
    }

    public static LegFill buy(LegOrder order, AskLadder asks, long quantity, VenueFees fees) {
        long filled = fillable(order, asks, quantity);
        List<LevelFill> levels = new ArrayList<>();
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal feeBase = BigDecimal.ZERO;
        long left = filled * FixedPoint.ONE;
        for (int level = 0; level < asks.levelCount() && left > 0; level++) {
            long price = asks.price(level);
            long take = Math.min(left, asks.size(level));
            BigDecimal levelCost = FixedPoint.toBigDecimal(take).multiply(FixedPoint.toBigDecimal(price));
            levels.add(new LevelFill(price, take));
            cost = cost.add(levelCost);
            feeBase = feeBase.add(VenueFees.feeBaseOfCost(levelCost, price));
            left -= take;
        }
        return new LegFill(order, quantity, filled, levels, cost, fees.fee(feeBase));
    }

    /** Size resting at or below {@code limit}, counted only as far as the order needs. */
    private static long availableUpToLimit(AskLadder asks, long limit, long quantity) {
        long wanted = quantity * FixedPoint.ONE;
        long available = 0;
        for (int level = 0; level < asks.levelCount() && available < wanted; level++) {
            if (asks.price(level) > limit) {
                break;
            }
            available += asks.size(level);
        }
        return available;
    }
}
