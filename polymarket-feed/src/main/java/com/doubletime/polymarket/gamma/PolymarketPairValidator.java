package com.doubletime.polymarket.gamma;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.polymarket.order.OrderAmounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a configured pair's Polymarket side against Gamma and fills in what Gamma knows better than a
 * hand-written pairs file: tick size, minimum order size, neg-risk and the taker fee rate. A pair that
 * would trade the wrong token, or a market that cannot trade, is an error naming the pair and the field.
 */
public final class PolymarketPairValidator {
    /** The pair with Gamma's values, or null when there are errors; notes list every value Gamma changed. */
    public record Result(String pairId, MarketPair pair, List<String> errors, List<String> notes) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private PolymarketPairValidator() {}

    /** @param market Gamma's record for {@code pair.conditionId()}, or null when Gamma has none */
    public static Result validate(MarketPair pair, GammaMarket market) {
        List<String> errors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String id = pair.id();
        if (market == null) {
            errors.add(id + ": polymarket.conditionId " + pair.conditionId() + " is not a Gamma market");
            return new Result(id, null, errors, notes);
        }
        if (!market.conditionId().equalsIgnoreCase(pair.conditionId())) {
            errors.add(id + ": Gamma answered for condition " + market.conditionId() + ", not " + pair.conditionId());
        }
        List<String> outcomes =
                market.outcomes().stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
        List<String> tokens = market.tradedTokenIds();
        int yes = outcomes.indexOf("yes");
        int no = outcomes.indexOf("no");
        String idField = "v2".equals(market.version()) ? "positionIds" : "clobTokenIds";
        if (outcomes.size() != 2 || yes < 0 || no < 0 || tokens.size() != 2) {
            errors.add(
                    id + ": not a Yes/No market (outcomes " + market.outcomes() + ", " + idField + " " + tokens + ")");
        } else if (pair.yesTokenId().equals(tokens.get(no)) && pair.noTokenId().equals(tokens.get(yes))) {
            errors.add(id + ": polymarket.yesTokenId and noTokenId are swapped (Gamma " + idField + " by outcome: Yes="
                    + tokens.get(yes) + ", No=" + tokens.get(no) + ")");
        } else {
            if (!pair.yesTokenId().equals(tokens.get(yes))) {
                errors.add(id + ": polymarket.yesTokenId " + pair.yesTokenId() + " is not Gamma's Yes token "
                        + tokens.get(yes) + " (" + idField + ", version " + market.version() + ")");
            }
            if (!pair.noTokenId().equals(tokens.get(no))) {
                errors.add(id + ": polymarket.noTokenId " + pair.noTokenId() + " is not Gamma's No token "
                        + tokens.get(no) + " (" + idField + ", version " + market.version() + ")");
            }
        }
        if (!market.tradable()) {
            errors.add(id + ": market is not tradable (active=" + market.active() + ", closed=" + market.closed()
                    + ", acceptingOrders=" + market.acceptingOrders() + ", enableOrderBook=" + market.enableOrderBook()
                    + ")");
        }
        try {
            OrderAmounts.RoundingConfig.forTick(market.tickSize());
        } catch (IllegalArgumentException e) {
            errors.add(id + ": orderPriceMinTickSize: " + e.getMessage());
        }
        if (market.feesEnabled() && market.feeExponent().compareTo(BigDecimal.ONE) != 0) {
            // the monitor's fee model is rate·p·(1−p), i.e. exponent 1 (polymarket.md §6)
            errors.add(id + ": feeSchedule.exponent " + market.feeExponent() + " is not supported (only 1)");
        }
        if (!errors.isEmpty()) {
            return new Result(id, null, errors, notes);
        }
        long tick = fixed(market.tickSize());
        long minSize = fixed(market.minOrderSize());
        long feeRate = fixed(market.feeRate());
        note(notes, id, "tickSize", pair.tickSize(), tick);
        note(notes, id, "minOrderSize", pair.minOrderSize(), minSize);
        note(notes, id, "takerFeeRate", pair.polymarketTakerFeeRate(), feeRate);
        if (pair.negRisk() != market.negRisk()) {
            notes.add(id + ": negRisk " + pair.negRisk() + " → " + market.negRisk() + " (from Gamma)");
        }
        MarketPair filled = new MarketPair(
                pair.id(),
                pair.description(),
                pair.kalshiTicker(),
                pair.kalshiTakerFeeRate(),
                pair.conditionId(),
                pair.yesTokenId(),
                pair.noTokenId(),
                feeRate,
                tick,
                minSize,
                market.negRisk(),
                pair.polarity(),
                pair.minEdge(),
                pair.maxQuantity());
        return new Result(id, filled, errors, notes);
    }

    private static void note(List<String> notes, String id, String field, long before, long after) {
        if (before != after) {
            notes.add(id + ": " + field + " " + FixedPoint.format(before, 0) + " → " + FixedPoint.format(after, 0)
                    + " (from Gamma)");
        }
    }

    /** Gamma values with more than six decimals would be misread: refuse them rather than round. */
    private static long fixed(BigDecimal value) {
        return value.setScale(FixedPoint.DECIMALS, RoundingMode.UNNECESSARY)
                .unscaledValue()
                .longValueExact();
    }
}
