package com.doubletime.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

class PolygonRpcTest {
    /** The public Hardhat key (polymarket.md §5.7): never a real wallet. */
    private static final Credentials WALLET =
            Credentials.create("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    private static final String PUSD = "0xC011a7E12a19f7B1f670d46F03B03f3342E82DFB";
    private static final long SHARES = 120_000_000L; // 120 shares

    private final SimulatedLifecycle lifecycle = new SimulatedLifecycle(Simulators.MARKETS, null, 0);
    private final PolymarketOrderDesk desk = new PolymarketOrderDesk(
                    null, new SimulatedBooks(Simulators.MARKETS), Simulators.MARKETS, new PolymarketFaults(), 137)
            .lifecycle(lifecycle)
            .startingCash(() -> 1_000_000_000L);
    private final PolygonRpc rpc = new PolygonRpc(desk, 137);

    @Test
    void aSignedRedeemThroughTheCollateralAdapterPaysTheWinningSharesToTheSender() {
        desk.grant(WALLET.getAddress(), Simulators.FED.noTokenId(), SHARES);
        desk.grant(WALLET.getAddress(), Simulators.FED.yesTokenId(), 7_000_000L);
        resolve(Simulators.FED, "NO");

        String hash = sendOk(eip1559(0, PolygonRpc.CTF_COLLATERAL_ADAPTER, redeemCtf(PUSD, Simulators.FED)));

        JsonObject receipt = call("eth_getTransactionReceipt", hash).getJsonObject("result");
        assertEquals("0x1", receipt.getString("status"));
        assertEquals(WALLET.getAddress().toLowerCase(), receipt.getString("from"));
        assertEquals(1_000_000_000L + SHARES, desk.walletCash(WALLET.getAddress()));
        assertEquals(0, desk.shares(WALLET.getAddress(), Simulators.FED.noTokenId()));
        assertEquals(0, desk.shares(WALLET.getAddress(), Simulators.FED.yesTokenId()), "the losing shares are burnt");
        assertEquals(
                "0x1",
                call("eth_getTransactionCount", WALLET.getAddress(), "pending").getString("result"));
    }

    @Test
    void theClobBalanceLagsTheWalletUntilUpdated() {
        desk.grant(WALLET.getAddress(), Simulators.FED.noTokenId(), SHARES);
        assertEquals(1_000_000_000L, desk.reportedBalance(WALLET.getAddress()));
        resolve(Simulators.FED, "NO");
        sendOk(eip1559(0, PolygonRpc.CTF_COLLATERAL_ADAPTER, redeemCtf(PUSD, Simulators.FED)));
        assertEquals(1_000_000_000L, desk.reportedBalance(WALLET.getAddress()));
        desk.refreshBalance(WALLET.getAddress());
        assertEquals(1_000_000_000L + SHARES, desk.reportedBalance(WALLET.getAddress()));
    }

    @Test
    void aMarketNotResolvedRevertsAndPaysNothing() {
        desk.grant(WALLET.getAddress(), Simulators.FED.noTokenId(), SHARES);
        String hash = sendOk(eip1559(0, PolygonRpc.CTF, redeemCtf(PolygonRpc.USDC_E, Simulators.FED)));
        assertEquals(
                "0x0",
                call("eth_getTransactionReceipt", hash).getJsonObject("result").getString("status"));
        assertEquals(SHARES, desk.shares(WALLET.getAddress(), Simulators.FED.noTokenId()));
        // a reverted transaction still uses its nonce
        assertEquals(
                "0x1",
                call("eth_getTransactionCount", WALLET.getAddress(), "latest").getString("result"));
    }

    @Test
    void theCtfWithTheWrongCollateralNamesPositionsNobodyHoldsAndPaysNothing() {
        desk.grant(WALLET.getAddress(), Simulators.FED.noTokenId(), SHARES);
        resolve(Simulators.FED, "NO");
        String hash = sendOk(eip1559(0, PolygonRpc.CTF, redeemCtf(PUSD, Simulators.FED)));
        assertEquals(
                "0x1",
                call("eth_getTransactionReceipt", hash).getJsonObject("result").getString("status"));
        assertEquals(SHARES, desk.shares(WALLET.getAddress(), Simulators.FED.noTokenId()));
        assertEquals(1_000_000_000L, desk.walletCash(WALLET.getAddress()));
    }

    @Test
    void theNegRiskAdapterRedeemsTheAmountsGiven() {
        desk.grant(WALLET.getAddress(), Simulators.FED.yesTokenId(), SHARES);
        resolve(Simulators.FED, "YES");
        Function call = new Function(
                "redeemPositions",
                List.of(
                        new Bytes32(Numeric.toBytesPadded(
                                new BigInteger(Simulators.FED.conditionId().substring(2), 16), 32)),
                        new DynamicArray<>(Uint256.class, new Uint256(50_000_000L), new Uint256(0))),
                List.of());
        sendOk(legacy155(0, PolygonRpc.NEG_RISK_ADAPTER, FunctionEncoder.encode(call)));
        assertEquals(1_000_000_000L + 50_000_000L, desk.walletCash(WALLET.getAddress()));
        assertEquals(SHARES - 50_000_000L, desk.shares(WALLET.getAddress(), Simulators.FED.yesTokenId()));
    }

    @Test
    void aFiftyFiftyResolutionPaysHalfADollarAShare() {
        desk.grant(WALLET.getAddress(), Simulators.FED.noTokenId(), SHARES);
        resolve(Simulators.FED, "50-50");
        sendOk(eip1559(0, PolygonRpc.CTF_COLLATERAL_ADAPTER, redeemCtf(PUSD, Simulators.FED)));
        assertEquals(1_000_000_000L + SHARES / 2, desk.walletCash(WALLET.getAddress()));
    }

    @Test
    void theNodeRefusesWhatANodeRefuses() {
        assertError(eip1559(1, PolygonRpc.CTF, "0x"), "nonce too high");
        assertError(
                signed(
                        RawTransaction.createTransaction(
                                80002L,
                                BigInteger.ZERO,
                                BigInteger.valueOf(200_000),
                                PolygonRpc.CTF,
                                BigInteger.ZERO,
                                "0x",
                                PolygonRpc.PRIORITY_FEE,
                                PolygonRpc.BASE_FEE.multiply(BigInteger.TWO)),
                        80002L),
                "invalid chain id");
        String unsigned = Numeric.toHexString(TransactionEncoder.encode(RawTransaction.createTransaction(
                137L,
                BigInteger.ZERO,
                BigInteger.valueOf(200_000),
                PolygonRpc.CTF,
                BigInteger.ZERO,
                "0x",
                PolygonRpc.PRIORITY_FEE,
                PolygonRpc.BASE_FEE.multiply(BigInteger.TWO))));
        assertError(unsigned, "not signed");
        String preEip155 = Numeric.toHexString(TransactionEncoder.signMessage(
                RawTransaction.createTransaction(
                        BigInteger.ZERO, PolygonRpc.BASE_FEE, BigInteger.valueOf(200_000), PolygonRpc.CTF, "0x"),
                WALLET));
        assertError(preEip155, "replay-protected");
        assertError(
                signed(
                        RawTransaction.createTransaction(
                                137L,
                                BigInteger.ZERO,
                                BigInteger.valueOf(200_000),
                                PolygonRpc.CTF,
                                BigInteger.ZERO,
                                "0x",
                                PolygonRpc.PRIORITY_FEE,
                                BigInteger.ONE),
                        137L),
                "underpriced");
        JsonObject unknown = call("eth_call");
        assertEquals(-32601, unknown.getJsonObject("error").getInteger("code"));
    }

    @Test
    void servesWhatAClientAsksBeforeSending() {
        assertEquals("0x89", call("eth_chainId").getString("result"));
        assertEquals("137", call("net_version").getString("result"));
        assertEquals(
                Numeric.encodeQuantity(PolygonRpc.BASE_FEE),
                call("eth_getBlockByNumber", "latest", false)
                        .getJsonObject("result")
                        .getString("baseFeePerGas"));
        assertNull(call("eth_getTransactionReceipt", "0x" + "0".repeat(64)).getValue("result"));
        JsonArray batch = (JsonArray) rpc.handle("[" + request("eth_chainId").encode() + ","
                + request("eth_blockNumber").encode() + "]");
        assertEquals(2, batch.size());
    }

    private void resolve(SimulatedMarket market, String winner) {
        lifecycle.apply(new MarketChange.Polymarket(market.conditionId(), "resolved", winner, -1), 1);
        lifecycle.flush();
    }

    private static String redeemCtf(String collateral, SimulatedMarket market) {
        Function call = new Function(
                "redeemPositions",
                List.of(
                        new Address(collateral),
                        new Bytes32(new byte[32]),
                        new Bytes32(Numeric.toBytesPadded(
                                new BigInteger(market.conditionId().substring(2), 16), 32)),
                        new DynamicArray<>(Uint256.class, new Uint256(1), new Uint256(2))),
                List.of());
        return FunctionEncoder.encode(call);
    }

    private static String eip1559(long nonce, String to, String data) {
        return signed(
                RawTransaction.createTransaction(
                        137L,
                        BigInteger.valueOf(nonce),
                        BigInteger.valueOf(200_000),
                        to,
                        BigInteger.ZERO,
                        data,
                        PolygonRpc.PRIORITY_FEE,
                        PolygonRpc.BASE_FEE.multiply(BigInteger.TWO)),
                137L);
    }

    private static String legacy155(long nonce, String to, String data) {
        return Numeric.toHexString(TransactionEncoder.signMessage(
                RawTransaction.createTransaction(
                        BigInteger.valueOf(nonce),
                        PolygonRpc.BASE_FEE.multiply(BigInteger.TWO),
                        BigInteger.valueOf(200_000),
                        to,
                        data),
                137L,
                WALLET));
    }

    private static String signed(RawTransaction tx, long chainId) {
        return Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, WALLET));
    }

    private String sendOk(String raw) {
        JsonObject answer = call("eth_sendRawTransaction", raw);
        assertNull(answer.getValue("error"), String.valueOf(answer.getValue("error")));
        return answer.getString("result");
    }

    private void assertError(String raw, String fragment) {
        JsonObject answer = call("eth_sendRawTransaction", raw);
        assertTrue(answer.getJsonObject("error").getString("message").contains(fragment), answer.encode());
    }

    private JsonObject call(String method, Object... params) {
        return (JsonObject) rpc.handle(request(method, params).encode());
    }

    private static JsonObject request(String method, Object... params) {
        return new JsonObject()
                .put("jsonrpc", "2.0")
                .put("id", 7)
                .put("method", method)
                .put("params", new JsonArray(Arrays.asList(params)));
    }
}
