package com.doubletime.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * A Gamma-like {@code /markets} catalogue of the simulated markets, with Gamma's quirks (polymarket.md
 * §1.2): {@code clobTokenIds} and {@code outcomes} are JSON arrays encoded inside strings, tick size and
 * minimum size are numbers, fees come as {@code feesEnabled} plus a {@code feeSchedule} object.
 */
final class PolymarketGamma {

  private PolymarketGamma() {
  }

  /** Markets filtered by condition ids and/or token ids; no filter lists them all. */
  static JsonArray markets(List<SimulatedMarket> markets, Set<String> conditionIds, Set<String> tokenIds) {
    JsonArray out = new JsonArray();
    for (SimulatedMarket market : markets) {
      boolean byCondition = conditionIds.isEmpty() || conditionIds.contains(market.conditionId());
      boolean byToken = tokenIds.isEmpty() || tokenIds.contains(market.yesTokenId())
          || tokenIds.contains(market.noTokenId());
      if (byCondition && byToken) {
        out.add(market(market));
      }
    }
    return out;
  }

  static JsonObject market(SimulatedMarket market) {
    return new JsonObject()
        .put("id", Integer.toString(Math.abs(market.conditionId().hashCode())))
        .put("question", "Simulated market for " + market.kalshiTicker())
        .put("conditionId", market.conditionId())
        .put("slug", market.kalshiTicker().toLowerCase())
        .put("outcomes", "[\"Yes\", \"No\"]")
        .put("clobTokenIds", new JsonArray().add(market.yesTokenId()).add(market.noTokenId()).encode())
        .put("version", "v1")
        .put("negRisk", false)
        .put("orderPriceMinTickSize", Double.parseDouble(PolymarketFrames.TICK_SIZE))
        .put("orderMinSize", Integer.parseInt(PolymarketFrames.MIN_ORDER_SIZE))
        .put("active", true)
        .put("closed", false)
        .put("archived", false)
        .put("acceptingOrders", true)
        .put("enableOrderBook", true)
        .put("feesEnabled", true)
        .put("feeType", "politics_fees")
        .put("feeSchedule", new JsonObject().put("rate", 0.04).put("exponent", 1).put("takerOnly", true)
            .put("rebateRate", 0.25));
  }
}
