package com.doubletime.polymarket.gamma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Polarity;
import com.doubletime.polymarket.order.PolymarketExchange;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolymarketPairValidatorTest {
    static final String CONDITION = "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1";
    static final String YES = "71321045679252212594626385532706912750332728571942532289631379312455583992563";
    static final String NO = "52114319501245915516055106046884209969926127482827954674443846427813813222426";

    /** Shaped like a real Gamma record: arrays inside strings, numbers as numbers, a fee schedule. */
    static JsonObject gamma() {
        return new JsonObject("{\"id\":\"12\",\"conditionId\":\"" + CONDITION
                + "\",\"outcomes\":\"[\\\"Yes\\\", \\\"No\\\"]\","
                + "\"clobTokenIds\":\"[\\\"" + YES + "\\\", \\\"" + NO + "\\\"]\",\"version\":\"v1\",\"negRisk\":true,"
                + "\"orderPriceMinTickSize\":0.001,\"orderMinSize\":5,\"active\":true,\"closed\":false,"
                + "\"acceptingOrders\":true,\"enableOrderBook\":true,\"feesEnabled\":true,\"feeType\":\"politics_fees\","
                + "\"feeSchedule\":{\"rate\":0.04,\"exponent\":1,\"takerOnly\":true,\"rebateRate\":0.25}}");
    }

    static MarketPair pair(String yes, String no) {
        return new MarketPair(
                "fed",
                "Fed cut",
                "KXFED",
                70_000,
                CONDITION,
                yes,
                no,
                0,
                10_000,
                0,
                false,
                Polarity.SAME,
                0,
                MarketPair.UNLIMITED);
    }

    @Test
    void parsesGammaArraysEncodedInsideStringsAndTheFeeSchedule() {
        GammaMarket market = GammaMarket.parse(gamma());

        assertEquals(List.of("Yes", "No"), market.outcomes());
        assertEquals(List.of(YES, NO), market.tradedTokenIds());
        assertEquals(new BigDecimal("0.001"), market.tickSize());
        assertEquals(new BigDecimal("0.04"), market.feeRate());
        assertEquals(
                PolymarketExchange.NEG_RISK_V2, market.tokenMarkets().get(0).exchange());
    }

    @Test
    void fillsTickMinimumSizeNegRiskAndFeeFromGammaAndSaysSo() {
        PolymarketPairValidator.Result result =
                PolymarketPairValidator.validate(pair(YES, NO), GammaMarket.parse(gamma()));

        assertTrue(result.valid(), result.errors().toString());
        assertEquals(1_000, result.pair().tickSize());
        assertEquals(5_000_000, result.pair().minOrderSize());
        assertEquals(40_000, result.pair().polymarketTakerFeeRate());
        assertTrue(result.pair().negRisk());
        assertEquals(4, result.notes().size(), result.notes().toString());
    }

    @Test
    void protocolV2MarketsTradePositionIdsOnExchangeV3EvenWhenClobTokenIdsArePresent() {
        JsonObject v2 = gamma().put("version", "v2")
                .put("positionIds", new JsonArray().add("11").add("22"));

        PolymarketPairValidator.Result stale = PolymarketPairValidator.validate(pair(YES, NO), GammaMarket.parse(v2));
        PolymarketPairValidator.Result right =
                PolymarketPairValidator.validate(pair("11", "22"), GammaMarket.parse(v2));

        assertFalse(stale.valid());
        assertTrue(stale.errors().get(0).contains("positionIds"), stale.errors().toString());
        assertTrue(right.valid(), right.errors().toString());
        assertEquals(
                PolymarketExchange.EXCHANGE_V3,
                GammaMarket.parse(v2).tokenMarkets().get(0).exchange());
    }

    @Test
    void swappedTokensUnknownConditionAndClosedMarketsAreClearErrors() {
        PolymarketPairValidator.Result swapped =
                PolymarketPairValidator.validate(pair(NO, YES), GammaMarket.parse(gamma()));
        PolymarketPairValidator.Result missing = PolymarketPairValidator.validate(pair(YES, NO), null);
        PolymarketPairValidator.Result closed =
                PolymarketPairValidator.validate(pair(YES, NO), GammaMarket.parse(gamma().put("closed", true)));

        assertTrue(swapped.errors().get(0).contains("swapped"), swapped.errors().toString());
        assertTrue(missing.errors().get(0).contains("is not a Gamma market"));
        assertTrue(closed.errors().get(0).contains("not tradable"));
        assertEquals(null, closed.pair());
    }
}
