package com.doubletime.gateway;

import com.doubletime.bus.protocol.PositionsReport;
import com.doubletime.domain.format.OpportunityJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code GET /api/positions}: the executor's {@link PositionsReport} with contracts as whole-number strings and
 * money as decimal strings (at least six decimals). Per pair (contracts §7) the contracts held per venue and
 * outcome, their cost (both legs and both fees) and fees, {@code state} ({@code open | settled | diverged}), and
 * once settled what the contracts paid ({@code payouts}) and {@code realizedPnl} = payouts − cost; null while open.
 */
final class PositionsJson {
    private PositionsJson() {}

    static JsonObject write(PositionsReport report) {
        JsonArray pairs = new JsonArray();
        for (PositionsReport.PairPosition p : report.pairs()) {
            pairs.add(new JsonObject()
                    .put("pairId", p.pairId())
                    .put("trades", p.trades())
                    .put(
                            "kalshi",
                            new JsonObject()
                                    .put("yes", Long.toString(p.kalshiYes()))
                                    .put("no", Long.toString(p.kalshiNo())))
                    .put(
                            "polymarket",
                            new JsonObject()
                                    .put("yes", Long.toString(p.polymarketYes()))
                                    .put("no", Long.toString(p.polymarketNo())))
                    .put("hedgedContracts", Long.toString(p.hedgedContracts()))
                    .put("unhedgedContracts", Long.toString(p.unhedgedContracts()))
                    .put("cost", OpportunityJson.money(p.cost()))
                    .put("fees", OpportunityJson.money(p.fees()))
                    .put("lockedInEdge", OpportunityJson.money(p.lockedInEdge()))
                    .put("unhedgedExposure", OpportunityJson.money(p.unhedgedExposure()))
                    .put("state", p.state().wireName())
                    .put("payouts", p.payouts() == null ? null : OpportunityJson.money(p.payouts()))
                    .put("realizedPnl", p.realizedPnl() == null ? null : OpportunityJson.money(p.realizedPnl())));
        }
        return new JsonObject()
                .put("pairs", pairs)
                .put(
                        "total",
                        new JsonObject()
                                .put("cost", OpportunityJson.money(report.totalCost()))
                                .put("lockedInEdge", OpportunityJson.money(report.totalLockedInEdge()))
                                .put("unhedgedExposure", OpportunityJson.money(report.totalUnhedgedExposure()))
                                .put("realisedToday", OpportunityJson.money(report.realisedToday())));
    }
}
