package com.doubletime.executor;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Opportunity;
import com.doubletime.domain.format.OpportunityJson;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradingControl;
import java.math.BigDecimal;

/**
 * The risk checks of one opportunity, in the order a trader would ask them: may anything trade now (kill
 * switch, pause, trades per minute, today's loss, unhedged exposure), and if so how many contracts the
 * limits leave room for (notional per trade, position per pair, total exposure). Pure: it reads the
 * executor's state and decides nothing else.
 */
final class RiskGate {
    /** What the limits allow: {@code quantity} contracts (0 = rejected) and why it is less than asked, or null. */
    record Allowance(long quantity, String reason) {
    }

    private RiskGate() {
    }

    /** Why nothing may trade now, or null: checked before anything else, whatever the opportunity. */
    static String blocked(TradingControl control, PositionBook positions, TradeRate rate, long nowNanos) {
        String blocked = control.blockedBecause();
        if (blocked != null) {
            return blocked;
        }
        RiskLimits limits = control.limits();
        if (rate.inLastMinute(nowNanos) >= limits.maxTradesPerMinute()) {
            return "max " + limits.maxTradesPerMinute() + " trades per minute reached";
        }
        BigDecimal lossToday = positions.realisedLossOn(nowNanos);
        if (lossToday.compareTo(limits.dailyLossLimit()) >= 0) {
            return "realised loss today $" + OpportunityJson.money(lossToday) + " reached the daily loss limit $"
                    + limits.dailyLossLimit().toPlainString();
        }
        BigDecimal unhedged = positions.totalUnhedgedExposure();
        if (unhedged.compareTo(limits.maxUnhedgedExposure()) >= 0) {
            return "unhedged exposure $" + OpportunityJson.money(unhedged) + " reached its limit $"
                    + limits.maxUnhedgedExposure().toPlainString();
        }
        return null;
    }

    /** How many of the opportunity's contracts the size limits leave room for, and which one bound it. */
    static Allowance allowance(RiskLimits limits, MarketPair pair, Opportunity o, PositionBook positions) {
        long quantity = o.quantity();
        String reason = null;
        long notional = capAt(limits.maxNotionalPerTrade(), pair, o);
        if (notional < quantity) {
            quantity = notional;
            reason = "max notional per trade $" + limits.maxNotionalPerTrade().toPlainString();
        }
        PositionBook.Position held = positions.position(pair.id());
        long room = limits.maxPositionPerPair() - (held == null ? 0 : held.largestVenuePosition());
        if (room < quantity) {
            quantity = Math.max(0, room);
            reason = "max position per pair " + limits.maxPositionPerPair() + " contracts";
        }
        long exposure = capAt(limits.maxTotalExposure().subtract(positions.totalCost()), pair, o);
        if (exposure < quantity) {
            quantity = exposure;
            reason = "max total exposure $" + limits.maxTotalExposure().toPlainString();
        }
        return new Allowance(quantity, reason);
    }

    private static long capAt(BigDecimal budget, MarketPair pair, Opportunity o) {
        return NotionalCap.maxQuantity(budget, o.kalshi().limitPrice(), pair.kalshiTakerFeeRate(),
                o.polymarket().limitPrice(), pair.polymarketTakerFeeRate());
    }
}
