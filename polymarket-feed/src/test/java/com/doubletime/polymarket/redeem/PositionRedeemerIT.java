package com.doubletime.polymarket.redeem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.polymarket.order.OrderSigner;
import com.doubletime.simulator.ExchangeSimulator;
import com.doubletime.simulator.SimulatedMarket;
import com.doubletime.simulator.SimulatorConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/**
 * A signed redemption end to end against the simulator's Polygon JSON-RPC: before the market resolves the call
 * reverts, after it succeeds; both consume a nonce, so the second transaction proves the nonce is read again.
 */
@ExtendWith(VertxExtension.class)
@Timeout(60)
class PositionRedeemerIT {
    private static final String CONDITION = "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1";
    private static final SimulatedMarket MARKET = new SimulatedMarket("KXFED", CONDITION, "101", "102", false);
    /** The public Hardhat key (polymarket.md §5.7): never a real wallet. */
    private static final OrderSigner WALLET = new OrderSigner(
            ECKeyPair.create(Numeric.toBigInt("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80")));

    @Test
    void aRedemptionRevertsBeforeResolutionAndSucceedsAfter(Vertx vertx, @TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(
                dir.resolve("s.json"),
                "{\"initial\":{},\"steps\":[{\"delayMillis\":1500,\"polymarketMarket\":{\"conditionId\":\"" + CONDITION
                        + "\",\"status\":\"resolved\",\"winner\":\"NO\"}}]}");
        ExchangeSimulator simulator = ExchangeSimulator.start(
                        vertx, new SimulatorConfig(SimulatorConfig.LOOPBACK, 0, 0, List.of(MARKET), 1, 0, 0, scenario))
                .await(10, TimeUnit.SECONDS);
        PositionRedeemer redeemer = new PositionRedeemer(
                vertx,
                new PolygonRpcClient(WebClient.create(vertx), simulator.polygonRpcUrl(), 5_000),
                WALLET,
                137,
                RedeemRoute.COLLATERAL_ADAPTER,
                5_000);

        PositionRedeemer.Redemption early = redeemer.redeem(CONDITION, false, BigInteger.ZERO, BigInteger.ZERO)
                .await(10, TimeUnit.SECONDS);
        assertFalse(early.succeeded(), "the market has not resolved: the contract reverts");

        // the scenario's steps start once both venues have a subscriber
        var ws = vertx.createWebSocketClient();
        ws.connect(new io.vertx.core.http.WebSocketConnectOptions().setAbsoluteURI(simulator.kalshiWsUrl()))
                .await(5, TimeUnit.SECONDS)
                .writeTextMessage("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],"
                        + "\"market_ticker\":\"KXFED\"}}");
        ws.connect(new io.vertx.core.http.WebSocketConnectOptions().setAbsoluteURI(simulator.polymarketWsUrl()))
                .await(5, TimeUnit.SECONDS)
                .writeTextMessage("{\"type\":\"market\",\"assets_ids\":[\"101\"]}");
        Thread.sleep(2_500);

        PositionRedeemer.Redemption redeemed = redeemer.redeem(CONDITION, false, BigInteger.ZERO, BigInteger.ZERO)
                .await(10, TimeUnit.SECONDS);
        assertTrue(redeemed.succeeded(), redeemed.receipt().encode());
        ws.close();
    }

    @Test
    void aNodeOnAnotherChainIsRefusedBeforeSigning(Vertx vertx) throws Exception {
        ExchangeSimulator simulator = ExchangeSimulator.start(
                        vertx, new SimulatorConfig(SimulatorConfig.LOOPBACK, 0, 0, List.of(MARKET), 1, 0, 0, null))
                .await(10, TimeUnit.SECONDS);
        PositionRedeemer redeemer = new PositionRedeemer(
                vertx,
                new PolygonRpcClient(WebClient.create(vertx), simulator.polygonRpcUrl(), 5_000),
                WALLET,
                80002,
                RedeemRoute.COLLATERAL_ADAPTER,
                5_000);
        Throwable refused = redeemer.redeem(CONDITION, false, BigInteger.ZERO, BigInteger.ZERO)
                .transform(result -> io.vertx.core.Future.succeededFuture(result.cause()))
                .await(10, TimeUnit.SECONDS);
        assertTrue(String.valueOf(refused).contains("chain 137"), String.valueOf(refused));
    }
}
