package com.doubletime.gateway;

import com.doubletime.bus.protocol.CapitalReport;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Platform;
import com.doubletime.domain.format.OpportunityJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code GET /api/capital} (contracts §7): per venue its cash, what is locked and what is free — Kalshi per shard
 * ({@code exchange_index}), Polymarket with the exchange's allowance — then the money in open positions and the
 * P&amp;L settled today. Money is a decimal string, exact: Kalshi amounts with at least two decimals, Polymarket's
 * and the totals with at least six (more when the exact amount needs them). Additive fields: per venue whether its
 * cash is known, when it was read, why the last read failed and its floor; the Polymarket winnings to redeem.
 */
final class CapitalJson {
    private static final DateTimeFormatter AS_OF =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int KALSHI_DECIMALS = 2;

    private CapitalJson() {}

    static JsonObject write(CapitalReport report) {
        JsonObject venues = new JsonObject();
        for (CapitalReport.Venue venue : report.venues()) {
            venues.put(venue.platform().name(), venue(venue));
        }
        JsonArray redeemable = new JsonArray();
        for (CapitalReport.Redeemable r : report.redeemable()) {
            redeemable.add(new JsonObject()
                    .put("pairId", r.pairId())
                    .put("conditionId", r.conditionId())
                    .put("yesShares", FixedPoint.format(r.yesShares(), 0))
                    .put("noShares", FixedPoint.format(r.noShares(), 0))
                    .put("payout", OpportunityJson.money(r.payout()))
                    .put("state", r.state())
                    .put("transactionHash", r.transactionHash())
                    .put("detail", r.detail()));
        }
        return new JsonObject()
                .put("asOf", AS_OF.format(Instant.ofEpochMilli(report.asOfMillis())))
                .put("mode", report.mode().wireName())
                .put("venues", venues)
                .put("positionsAtCost", OpportunityJson.money(report.positionsAtCost()))
                .put("settledToday", OpportunityJson.money(report.settledToday()))
                .put("redemption", report.redemptionConfigured() ? "automatic" : "manual")
                .put("redeemable", redeemable);
    }

    private static JsonObject venue(CapitalReport.Venue venue) {
        boolean kalshi = venue.platform() == Platform.KALSHI;
        JsonObject json = new JsonObject();
        if (!venue.known()) {
            json.put("known", false).putNull("cash").putNull("locked").putNull("free");
        } else {
            json.put("cash", amount(venue.cash(), kalshi));
            if (!kalshi) {
                json.put("allowance", venue.allowance() == null ? null : amount(venue.allowance(), false));
            }
            json.put("locked", amount(venue.locked(), kalshi)).put("free", amount(venue.free(), kalshi));
            if (kalshi) {
                JsonArray shards = new JsonArray();
                for (CapitalReport.Shard shard : venue.shards()) {
                    shards.add(new JsonObject()
                            .put("exchangeIndex", shard.exchangeIndex())
                            .put("cash", amount(shard.cash(), true))
                            .put("locked", amount(shard.locked(), true))
                            .put("free", amount(shard.free(), true)));
                }
                json.put("shards", shards);
            }
            json.put("known", true);
            json.put("cashAsOf", AS_OF.format(Instant.ofEpochMilli(venue.cashAsOfMillis())));
        }
        if (venue.readFailure() != null) {
            json.put("readFailure", venue.readFailure());
        }
        if (venue.floor() != null) {
            json.put("freeCashFloor", amount(venue.floor(), kalshi));
        }
        return json;
    }

    /** At least two decimals on Kalshi, six on Polymarket; never fewer than the exact amount needs. */
    static String amount(BigDecimal value, boolean kalshi) {
        if (!kalshi) {
            return OpportunityJson.money(value);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() > KALSHI_DECIMALS
                ? stripped.toPlainString()
                : value.setScale(KALSHI_DECIMALS, RoundingMode.UNNECESSARY).toPlainString();
    }
}
