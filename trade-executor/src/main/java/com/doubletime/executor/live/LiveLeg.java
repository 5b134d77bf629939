package com.doubletime.executor.live;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.VenueFees;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.LegOrder;
import com.doubletime.domain.trade.LevelFill;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What one venue's side of a live trade holds so far: contracts bought by the entry order and any
 * re-hedge, contracts sold by an unwind, money paid and received, fees. Mutated only by the chain of
 * orders on its own venue, read once both chains are done.
 */
public final class LiveLeg {
    final LegOrder order;
    final long requested;
    final VenueFees fees;
    long bought;
    long sold;
    BigDecimal paid = BigDecimal.ZERO;
    BigDecimal received = BigDecimal.ZERO;
    BigDecimal feesPaid = BigDecimal.ZERO;
    final List<LevelFill> levels = new ArrayList<>();
    /** Set when an order's outcome could not be learnt: the venue may hold contracts the journal lacks. */
    String unknown;

    /** @param fees the venue's fee on the pair: what an order costs when the venue's answer names no fee */
    public LiveLeg(LegOrder order, long requested, VenueFees fees) {
        this.order = order;
        this.requested = requested;
        this.fees = fees;
    }

    /** Folds a final order result in. Quantities in results are FixedPoint; legs count whole contracts. */
    public void apply(OrderAction action, OrderResult result) {
        long filled = FixedPoint.wholeUnitsDown(Math.max(0, result.filledQuantity()));
        if (filled == 0) {
            return;
        }
        long price = result.averagePrice() >= 0 ? result.averagePrice() : order.limitPrice();
        BigDecimal money = BigDecimal.valueOf(filled).multiply(FixedPoint.toBigDecimal(price));
        feesPaid = feesPaid.add(fee(result, filled, price));
        if (action == OrderAction.BUY) {
            bought += filled;
            paid = paid.add(money);
            levels.add(new LevelFill(price, filled * FixedPoint.ONE));
        } else {
            sold += filled;
            received = received.add(money);
            // a sale is recorded as a negative level so the levels still add up to what is held
            levels.add(new LevelFill(price, -filled * FixedPoint.ONE));
        }
    }

    /** Folds in an entry order filled elsewhere, level by level (exact cost and fee, as the fill reports them). */
    public void applyEntry(LegFill entry) {
        bought += entry.filledQuantity();
        paid = paid.add(entry.cost());
        feesPaid = feesPaid.add(entry.fee());
        levels.addAll(entry.levels());
    }

    /** The leg holds an order whose outcome could not be learnt ({@code order} names it and why). */
    public void markUnknown(String order) {
        unknown = order;
    }

    public long held() {
        return bought - sold;
    }

    /** Average price paid per contract bought, or the limit price when nothing was bought. */
    long averageBuyPrice() {
        if (bought == 0) {
            return order.limitPrice();
        }
        return FixedPoint.parse(paid.divide(BigDecimal.valueOf(bought), FixedPoint.DECIMALS, RoundingMode.HALF_UP)
                .toPlainString());
    }

    /** The report's view: net contracts held, net money out (paid − received), all fees. */
    LegFill toFill() {
        return new LegFill(order, requested, held(), levels, paid.subtract(received), feesPaid);
    }

    /**
     * The venue's fee when it reports one; otherwise {@link VenueFees} on what the answer tells: the order's
     * filled contracts as one level at its average price (Polymarket's order answer carries no fee and no fills),
     * an upper bound of what the venue charges per fill.
     */
    private BigDecimal fee(OrderResult result, long filled, long price) {
        if (result.fees() != null && result.fees().signum() > 0) {
            return result.fees();
        }
        return fees.fee(filled * FixedPoint.ONE, price);
    }
}
