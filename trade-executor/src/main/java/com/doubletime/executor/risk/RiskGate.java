package com.doubletime.executor.risk;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Opportunity;
import com.doubletime.domain.Platform;
import com.doubletime.domain.ReturnOnCapital;
import com.doubletime.domain.VenueFees;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.format.OpportunityJson;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.position.PositionBook;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The risk checks of one opportunity, in the order a trader would ask them: may anything trade now (kill
 * switch, pause, trades per minute, today's loss, unhedged exposure), and if so how many contracts the
 * limits leave room for (notional per trade, position per pair, total exposure). Pure: it reads the
 * executor's state and decides nothing else.
 */
public final class RiskGate {
    /** What the limits allow: {@code quantity} contracts (0 = rejected) and why it is less than asked, or null. */
    public record Allowance(long quantity, String reason) {}

    private RiskGate() {}

    /** Why nothing may trade now, or null: checked before anything else, whatever the opportunity. */
    public static String blocked(TradingControl control, PositionBook positions, TradeRate rate, long nowNanos) {
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

    /**
     * Why nothing may trade on this pair now, or null: the pair's own overrides of the trades-per-minute,
     * daily-loss and unhedged-exposure limits, counted on this pair only. Only limits the pair overrides
     * are checked here; the global ones were checked by {@link #blocked}.
     */
    public static String pairBlocked(
            String pairId,
            Set<String> overridden,
            RiskLimits pairLimits,
            PositionBook positions,
            TradeRate pairRate,
            long nowNanos) {
        if (overridden.contains("maxTradesPerMinute")
                && pairRate.inLastMinute(nowNanos) >= pairLimits.maxTradesPerMinute()) {
            return "pair " + pairId + ": max " + pairLimits.maxTradesPerMinute() + " trades per minute reached";
        }
        if (overridden.contains("dailyLossLimit")) {
            BigDecimal loss = positions.realisedLossOn(pairId, nowNanos);
            if (loss.compareTo(pairLimits.dailyLossLimit()) >= 0) {
                return "pair " + pairId + ": realised loss today $" + OpportunityJson.money(loss)
                        + " reached the pair's daily loss limit $"
                        + pairLimits.dailyLossLimit().toPlainString();
            }
        }
        PositionBook.Position held = positions.position(pairId);
        if (overridden.contains("maxUnhedgedExposure")
                && held != null
                && held.unhedgedExposure().compareTo(pairLimits.maxUnhedgedExposure()) >= 0) {
            return "pair " + pairId + ": unhedged exposure $" + OpportunityJson.money(held.unhedgedExposure())
                    + " reached the pair's limit $"
                    + pairLimits.maxUnhedgedExposure().toPlainString();
        }
        return null;
    }

    /**
     * Why the opportunity's annualised return (contracts §7) is too low for {@code minAnnualizedReturn}, or null. Above
     * a minimum of 0, an opportunity whose return is unknown (a market's resolution time unknown) is refused too: the
     * trader asked for a return it cannot show.
     *
     * @param overridden whether the pair sets its own minimum (named in the reason)
     */
    public static String returnTooLow(
            String pairId, boolean overridden, RiskLimits limits, ArbitrageOpportunityFound found) {
        if (!limits.requiresReturn()) {
            return null;
        }
        String minimum = (overridden ? "pair " + pairId + " " : "") + "minAnnualizedReturn "
                + limits.minAnnualizedReturn().toPlainString();
        ReturnOnCapital roc = found.returnOnCapital();
        if (roc == null) {
            return "annualised return unknown (a market's resolution time is not known); " + minimum + " needs it";
        }
        if (!roc.meets(limits.minAnnualizedReturn())) {
            return "annualised return " + roc.annualizedReturn().toPlainString() + " ("
                    + roc.daysToResolution().toPlainString() + " days to resolution) is below " + minimum;
        }
        return null;
    }

    /** How many of the opportunity's contracts the size limits leave room for, and which one bound it. */
    public static Allowance allowance(RiskLimits limits, MarketPair pair, Opportunity o, PositionBook positions) {
        return allowance(limits, limits, Set.of(), pair, o, positions);
    }

    /**
     * As above with per-pair overrides: notional per trade and position per pair come from {@code pairLimits}
     * (the global limits with the pair's overrides); total exposure is capped globally and, when the pair
     * overrides {@code maxTotalExposure}, also by the money outlaid on this pair.
     */
    public static Allowance allowance(
            RiskLimits global,
            RiskLimits pairLimits,
            Set<String> overridden,
            MarketPair pair,
            Opportunity o,
            PositionBook positions) {
        RiskLimits limits = pairLimits;
        String scope = overridden.isEmpty() ? "" : "pair " + pair.id() + " ";
        long quantity = o.quantity();
        String reason = null;
        long notional = capAt(limits.maxNotionalPerTrade(), pair, o);
        if (notional < quantity) {
            quantity = notional;
            reason = (overridden.contains("maxNotionalPerTrade") ? scope : "") + "max notional per trade $"
                    + limits.maxNotionalPerTrade().toPlainString();
        }
        PositionBook.Position held = positions.position(pair.id());
        long room = limits.maxPositionPerPair() - (held == null ? 0 : held.largestVenuePosition());
        if (room < quantity) {
            quantity = Math.max(0, room);
            reason = (overridden.contains("maxPositionPerPair") ? scope : "") + "max position per pair "
                    + limits.maxPositionPerPair() + " contracts";
        }
        long exposure = capAt(global.maxTotalExposure().subtract(positions.totalCost()), pair, o);
        if (exposure < quantity) {
            quantity = exposure;
            reason = "max total exposure $" + global.maxTotalExposure().toPlainString();
        }
        if (overridden.contains("maxTotalExposure")) {
            BigDecimal pairCost = held == null ? BigDecimal.ZERO : held.openCost();
            long pairExposure = capAt(limits.maxTotalExposure().subtract(pairCost), pair, o);
            if (pairExposure < quantity) {
                quantity = pairExposure;
                reason = scope + "max exposure $" + limits.maxTotalExposure().toPlainString();
            }
        }
        return new Allowance(quantity, reason);
    }

    private static long capAt(BigDecimal budget, MarketPair pair, Opportunity o) {
        return NotionalCap.maxQuantity(
                budget,
                o.kalshi().limitPrice(),
                VenueFees.of(pair, Platform.KALSHI),
                o.polymarket().limitPrice(),
                VenueFees.of(pair, Platform.POLYMARKET));
    }
}
