package com.doubletime.bench;

import com.doubletime.kalshi.auth.KalshiCredentials;
import com.doubletime.kalshi.auth.KalshiSigner;
import com.doubletime.polymarket.order.ApiCredentials;
import com.doubletime.polymarket.order.ClobOrder;
import com.doubletime.polymarket.order.ClobSide;
import com.doubletime.polymarket.order.L2Auth;
import com.doubletime.polymarket.order.OrderHasher;
import com.doubletime.polymarket.order.OrderSigner;
import com.doubletime.polymarket.order.PolymarketExchange;
import com.doubletime.polymarket.order.SignatureType;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.web3j.crypto.ECKeyPair;

/**
 * What signing costs per order, with the keys and code the live gateways use: Kalshi's RSA-PSS (2048-bit,
 * SHA-256) over {@code timestamp + METHOD + path}, Polymarket's EIP-712 order digest and its secp256k1
 * signature, and the L2 HMAC-SHA256 over the order body. Each call uses a fresh timestamp or salt, as a
 * real order does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class SigningBenchmarks {
    private static final String ORDER_PATH = "/trade-api/v2/portfolio/events/orders";
    private static final String BODY = "{\"deferExec\":false,\"postOnly\":false,\"order\":{\"salt\":123456789,"
            + "\"maker\":\"0x0000000000000000000000000000000000000001\",\"signer\":\"0x0000000000000000000000000000000000000001\","
            + "\"tokenId\":\"3002\",\"makerAmount\":\"5300000\",\"takerAmount\":\"10000000\",\"side\":\"BUY\",\"signatureType\":0,"
            + "\"timestamp\":\"1767225600000\",\"expiration\":\"0\",\"metadata\":\"0x00\",\"builder\":\"0x00\",\"signature\":\"0x00\"},"
            + "\"owner\":\"00000000-0000-0000-0000-000000000000\",\"orderType\":\"FAK\"}";

    private KalshiSigner kalshi;
    private OrderSigner polymarket;
    private ApiCredentials api;
    private long counter = 1_767_225_600_000L;

    @Setup
    public void setUp() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        kalshi = new KalshiSigner(
                KalshiCredentials.of("bench", rsa.generateKeyPair().getPrivate()));
        polymarket = new OrderSigner(ECKeyPair.create(
                new BigInteger("1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef", 16)));
        api = new ApiCredentials(
                "00000000-0000-0000-0000-000000000000",
                Base64.getUrlEncoder().encodeToString(new byte[32]),
                "passphrase");
    }

    private ClobOrder order() {
        long n = ++counter;
        return new ClobOrder(
                n & ClobOrder.MAX_SALT,
                polymarket.address(),
                polymarket.address(),
                BigInteger.valueOf(3002),
                5_300_000,
                10_000_000,
                ClobSide.BUY,
                SignatureType.EOA,
                n,
                ClobOrder.ZERO_BYTES32,
                ClobOrder.ZERO_BYTES32,
                0);
    }

    /** RSA-PSS 2048 of one order request: the KALSHI-ACCESS-SIGNATURE header. */
    @Benchmark
    public String kalshiRsaPssSign() {
        return kalshi.sign(++counter, "POST", ORDER_PATH);
    }

    /** The EIP-712 digest of one order (domain separator, struct hash, 0x1901 digest): the order id. */
    @Benchmark
    public String polymarketEip712Hash() {
        return OrderHasher.orderHash(order(), PolymarketExchange.CTF_V2, PolymarketExchange.POLYGON);
    }

    /** The order's EIP-712 digest signed with secp256k1 (r ‖ s ‖ v), as {@code POST /order} carries it. */
    @Benchmark
    public String polymarketEip712Sign() {
        return polymarket.sign(order(), PolymarketExchange.CTF_V2, PolymarketExchange.POLYGON);
    }

    /** The L2 HMAC-SHA256 of one {@code POST /order} (POLY_SIGNATURE). */
    @Benchmark
    public String polymarketL2Hmac() {
        return L2Auth.signature(api.secret(), ++counter / 1000, "POST", "/order", BODY);
    }
}
