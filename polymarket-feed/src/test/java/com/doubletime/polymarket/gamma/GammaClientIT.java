package com.doubletime.polymarket.gamma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Polarity;
import com.doubletime.simulator.ExchangeSimulator;
import com.doubletime.simulator.SimulatedMarket;
import com.doubletime.simulator.SimulatorConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(60)
class GammaClientIT {
    @Test
    void validatesPairsAgainstTheSimulatorsGammaCatalogue(Vertx vertx) throws Exception {
        ExchangeSimulator simulator = ExchangeSimulator.start(
                        vertx,
                        new SimulatorConfig(
                                SimulatorConfig.LOOPBACK,
                                0,
                                0,
                                List.of(
                                        new SimulatedMarket("KXFED", "0xaa", "101", "102", false),
                                        new SimulatedMarket("KXCPI", "0xbb", "201", "202", true)),
                                1,
                                0,
                                0,
                                null))
                .await(10, TimeUnit.SECONDS);
        GammaClient gamma = new GammaClient(WebClient.create(vertx), simulator.polymarketRestUrl(), 5_000);
        List<MarketPair> pairs = List.of(
                new MarketPair(
                        "fed",
                        "",
                        "KXFED",
                        70_000,
                        "0xaa",
                        "101",
                        "102",
                        0,
                        10_000,
                        0,
                        false,
                        Polarity.SAME,
                        0,
                        MarketPair.UNLIMITED),
                new MarketPair(
                        "cpi",
                        "",
                        "KXCPI",
                        70_000,
                        "0xbb",
                        "202",
                        "201",
                        0,
                        10_000,
                        0,
                        false,
                        Polarity.SAME,
                        0,
                        MarketPair.UNLIMITED),
                new MarketPair(
                        "gone",
                        "",
                        "KXX",
                        70_000,
                        "0xcc",
                        "301",
                        "302",
                        0,
                        10_000,
                        0,
                        false,
                        Polarity.SAME,
                        0,
                        MarketPair.UNLIMITED));

        List<PolymarketPairValidator.Result> results = gamma.validate(pairs).await(30, TimeUnit.SECONDS);

        assertTrue(results.get(0).valid(), results.get(0).errors().toString());
        assertEquals(5_000_000, results.get(0).pair().minOrderSize());
        assertEquals(40_000, results.get(0).pair().polymarketTakerFeeRate());
        assertFalse(results.get(1).valid());
        assertTrue(results.get(1).errors().get(0).contains("swapped"));
        assertTrue(results.get(2).errors().get(0).contains("not a Gamma market"));
        simulator.stop().await(10, TimeUnit.SECONDS);
    }
}
