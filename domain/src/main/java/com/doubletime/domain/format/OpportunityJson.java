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
 * never a digit dropped when a value is more precise than that.
 */
public final class OpportunityJson {
    private static final int INITIAL_CAPACITY = 512;

    private static final int PRICE_DECIMALS = 4;
    private static final int MONEY_DECIMALS = 6;

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
        JsonText.field(out, "totalCost", money(o.totalCost())).append(',');
        JsonText.field(out, "edge", money(o.edge())).append(',');
        JsonText.field(out, "edgePerContract", money(o.edgePerContract())).append(',');
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
        JsonText.field(out, "cost", money(leg.cost())).append(',');
        JsonText.field(out, "fee", money(leg.fee()));
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
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() > MONEY_DECIMALS
                ? stripped.toPlainString()
                : value.setScale(MONEY_DECIMALS).toPlainString();
    }
}
