package com.doubletime.executor.paper;

import com.doubletime.domain.AskLadder;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MirroredLadder;
import com.doubletime.domain.Orderbook;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.LegOrder;
import com.doubletime.domain.trade.LevelFill;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulates an immediate-or-cancel limit buy against an ask ladder: it takes the levels best-first up to
 * the limit price and cancels the rest. Fills are whole contracts (what the order asked for); a level
 * may be taken in part, so level sizes stay fixed-point. Fees follow contracts §6 step 4: the rate times
 * Σ size·p·(1−p) over the levels taken, rounded up once for the whole order.
 */
public final class IocFill {
    /** Kalshi charges whole cents per order. */
    public static final int KALSHI_FEE_DECIMALS = 2;
    /** Polymarket fees are rounded up to $0.00001. */
    public static final int POLYMARKET_FEE_DECIMALS = 5;

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

    public static LegFill buy(LegOrder order, AskLadder asks, long quantity, long feeRate, int feeDecimals) {
        long filled = fillable(order, asks, quantity);
        List<LevelFill> levels = new ArrayList<>();
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal feeBase = BigDecimal.ZERO;
        long left = filled * FixedPoint.ONE;
        for (int level = 0; level < asks.levelCount() && left > 0; level++) {
            long price = asks.price(level);
            long take = Math.min(left, asks.size(level));
            BigDecimal size = FixedPoint.toBigDecimal(take);
            BigDecimal priceDecimal = FixedPoint.toBigDecimal(price);
            levels.add(new LevelFill(price, take));
            cost = cost.add(size.multiply(priceDecimal));
            feeBase =
                    feeBase.add(size.multiply(priceDecimal).multiply(FixedPoint.toBigDecimal(FixedPoint.ONE - price)));
            left -= take;
        }
        BigDecimal fee = FixedPoint.toBigDecimal(feeRate).multiply(feeBase).setScale(feeDecimals, RoundingMode.CEILING);
        return new LegFill(order, quantity, filled, levels, cost, fee);
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
