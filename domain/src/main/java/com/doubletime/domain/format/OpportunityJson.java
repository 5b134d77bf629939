package com.doubletime.domain.format;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Leg;
import com.doubletime.domain.Opportunity;
import com.doubletime.domain.ReturnOnCapital;
import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.OpportunityEvent;
import java.math.BigDecimal;

/**
 * Writes opportunity events in the public format of contracts §4 (SSE {@code data:}, replay output,
 * journal). Decimals are canonical strings: prices with at least 4 decimals, money with at least 6, and
 * never a digit dropped when a value is more precise than that. Money is written from the decimal's unscaled
 * integer and scale, digit by digit into the event's buffer (a replay writes one event per window); a value with
 * more than 18 digits or a negative scale takes {@link BigDecimal#toPlainString}.
 */
public final class OpportunityJson {
    private static final int INITIAL_CAPACITY = 512;

    private static final int PRICE_DECIMALS = 4;
    private static final int MONEY_DECIMALS = 6;
    private static final int MONEY_CAPACITY = 24;
    /** Every unscaled value of at most 18 digits fits a long. */
    private static final int MAX_LONG_DIGITS = 18;

    private static final long TEN = 10;
    private static final long[] POWERS_OF_TEN = new long[MAX_LONG_DIGITS + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i <= MAX_LONG_DIGITS; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * TEN;
        }
    }

    private OpportunityJson() {}

    public static String write(OpportunityEvent event) {
        StringBuilder out = new StringBuilder(INITIAL_CAPACITY);
        if (event instanceof ArbitrageOpportunityFound found) {
            writeFound(out, found);
        } else {
            writeClosed(out, (ArbitrageOpportunityClosed) event);
        }
        return out.toString();
    }

    private static void writeFound(StringBuilder out, ArbitrageOpportunityFound found) {
        Opportunity o = found.opportunity();
        out.append('{');
        JsonText.field(out, "type", "opportunity").append(',');
        JsonText.field(out, "id", found.id()).append(',');
        JsonText.field(out, "pairId", o.pairId()).append(',');
        JsonText.field(out, "direction", o.direction().name()).append(',');
        JsonText.field(out, "quantity", Long.toString(o.quantity())).append(',');
        out.append("\"kalshi\":");
        leg(out, o.kalshi(), false).append(',');
        out.append("\"polymarket\":");
        leg(out, o.polymarket(), true).append(',');
        moneyField(out, "totalCost", o.totalCost()).append(',');
        moneyField(out, "edge", o.edge()).append(',');
        moneyField(out, "edgePerContract", o.edgePerContract()).append(',');
        out.append("\"detectedAtNanos\":").append(found.detectedAtNanos()).append(',');
        out.append("\"kalshiBookNanos\":").append(o.kalshiBookNanos()).append(',');
        out.append("\"polymarketBookNanos\":").append(o.polymarketBookNanos());
        ReturnOnCapital roc = found.returnOnCapital();
        if (roc != null) {
            // contracts §7: present only when both markets' resolution times are known
            out.append(',');
            JsonText.field(out, "resolvesAt", roc.resolvesAtIso()).append(',');
            JsonText.field(out, "daysToResolution", roc.daysToResolution().toPlainString())
                    .append(',');
            JsonText.field(out, "annualizedReturn", roc.annualizedReturn().toPlainString());
        }
        out.append('}');
    }

    private static StringBuilder leg(StringBuilder out, Leg leg, boolean withToken) {
        out.append('{');
        JsonText.field(out, "outcome", leg.outcome().name()).append(',');
        if (withToken) {
            JsonText.field(out, "tokenId", leg.instrument()).append(',');
        } else {
            JsonText.field(out, "ticker", leg.instrument()).append(',');
        }
        JsonText.field(out, "limitPrice", FixedPoint.format(leg.limitPrice(), PRICE_DECIMALS))
                .append(',');
        moneyField(out, "cost", leg.cost()).append(',');
        moneyField(out, "fee", leg.fee());
        return out.append('}');
    }

    private static void writeClosed(StringBuilder out, ArbitrageOpportunityClosed closed) {
        out.append('{');
        JsonText.field(out, "type", "opportunity_closed").append(',');
        JsonText.field(out, "id", closed.id()).append(',');
        JsonText.field(out, "pairId", closed.pairId()).append(',');
        JsonText.field(out, "direction", closed.direction().name()).append(',');
        out.append("\"lifetimeNanos\":").append(closed.lifetimeNanos()).append(',');
        out.append("\"closedAtNanos\":").append(closed.closedAtNanos());
        out.append('}');
    }

    /** At least six decimals, more only when the exact value needs them. */
    public static String money(BigDecimal value) {
        return appendMoney(new StringBuilder(MONEY_CAPACITY), value).toString();
    }

    /** {@code "name":"<money>"}: money needs no escaping. */
    private static StringBuilder moneyField(StringBuilder out, String name, BigDecimal value) {
        JsonText.string(out, name).append(":\"");
        return appendMoney(out, value).append('"');
    }

    /** {@link #money} into {@code out}. */
    static StringBuilder appendMoney(StringBuilder out, BigDecimal value) {
        int scale = value.scale();
        if (scale < 0 || scale > MAX_LONG_DIGITS || value.precision() > MAX_LONG_DIGITS) {
            BigDecimal stripped = value.stripTrailingZeros();
            return out.append(
                    stripped.scale() > MONEY_DECIMALS
                            ? stripped.toPlainString()
                            : value.setScale(MONEY_DECIMALS).toPlainString());
        }
        // at most 18 digits: the unscaled value is a long (the one allocation: a BigDecimal of scale 0 holding it)
        long unscaled = value.movePointRight(scale).longValue();
        if (unscaled < 0) {
            out.append('-');
            unscaled = -unscaled;
        }
        long unit = POWERS_OF_TEN[scale];
        long fraction = unscaled % unit;
        int decimals = scale;
        while (decimals > MONEY_DECIMALS && fraction % TEN == 0) {
            fraction /= TEN;
            decimals--;
        }
        for (; decimals < MONEY_DECIMALS; decimals++) {
            fraction *= TEN;
        }
        out.append(unscaled / unit).append('.');
        for (int digits = digitCount(fraction); digits < decimals; digits++) {
            out.append('0');
        }
        return out.append(fraction);
    }

    private static int digitCount(long value) {
        int digits = 1;
        for (long rest = value / TEN; rest > 0; rest /= TEN) {
            digits++;
        }
        return digits;
    }
}
