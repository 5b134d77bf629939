package com.doubletime.launcher;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.settlement.Redeemer;
import com.doubletime.kalshi.auth.KalshiCredentials;
import com.doubletime.kalshi.auth.KalshiHandshake;
import com.doubletime.kalshi.auth.KalshiSigner;
import com.doubletime.kalshi.order.KalshiOrderGateway;
import com.doubletime.kalshi.order.KalshiOrderPathWarmUp;
import com.doubletime.kalshi.rest.KalshiRateTier;
import com.doubletime.kalshi.rest.KalshiRestClient;
import com.doubletime.kalshi.rest.KalshiRestConfig;
import com.doubletime.polymarket.order.PolymarketCredentials;
import com.doubletime.polymarket.order.PolymarketGatewayConfig;
import com.doubletime.polymarket.order.PolymarketMarketCatalog;
import com.doubletime.polymarket.order.PolymarketOrderGateway;
import com.doubletime.polymarket.order.PolymarketOrderPathWarmUp;
import com.doubletime.polymarket.redeem.ChainRedeemer;
import com.doubletime.polymarket.redeem.PolygonRpcClient;
import com.doubletime.polymarket.redeem.PositionRedeemer;
import com.doubletime.polymarket.redeem.RedeemRoute;
import com.doubletime.simulator.ExchangeSimulator;
import com.doubletime.simulator.KalshiSimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Keys made at start for {@code run --live-against-simulators}: a 2048-bit RSA pair whose public half the
 * simulated Kalshi checks every request's signature against, and a random secp256k1 key the Polymarket
 * gateway signs its EIP-712 orders with (its L2 API credentials are derived from the simulated CLOB, which
 * verifies both). Nothing is read from the environment and nothing leaves the machine; real venues need
 * real credentials and are not reachable this way. A process that orders against simulators another process runs
 * reads the private halves from a key file that process wrote ({@link #writeKeyFile}, owner-only).
 */
public final class SimulatorCredentials {
    public static final String KALSHI_KEY_ID = "simulator-key";
    private static final int PEM_LINE = 64;
    private static final String KALSHI_KEY_FIELD = "kalshiPrivateKeyPkcs8";
    private static final String POLYMARKET_KEY_FIELD = "polymarketPrivateKey";
    /** The simulator mines a transaction at once: a receipt later than this is a fault. */
    private static final long REDEEM_TIMEOUT_MILLIS = 10_000;

    private final KeyPair kalshiKeys;
    private final String polymarketPrivateKey;

    private SimulatorCredentials(KeyPair kalshiKeys, String polymarketPrivateKey) {
        this.kalshiKeys = kalshiKeys;
        this.polymarketPrivateKey = polymarketPrivateKey;
    }

    public static SimulatorCredentials generate() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            byte[] secp = new byte[32];
            SecureRandom random = new SecureRandom();
            do {
                random.nextBytes(secp); // any non-zero 32 bytes below the curve order; a top byte < 0xff keeps it below
            } while (secp[0] == (byte) 0xff || allZero(secp));
            return new SimulatorCredentials(
                    rsa.generateKeyPair(), "0x" + HexFormat.of().formatHex(secp));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships RSA", e);
        }
    }

    /**
     * Writes both private keys to {@code file}, readable by its owner only: how the executor processes of a cluster
     * against these simulators get them (never on a command line or in a log).
     */
    public void writeKeyFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(
                file,
                new JsonObject()
                        .put(
                                KALSHI_KEY_FIELD,
                                Base64.getEncoder()
                                        .encodeToString(kalshiKeys.getPrivate().getEncoded()))
                        .put(POLYMARKET_KEY_FIELD, polymarketPrivateKey)
                        .encode());
    }

    /** The private keys {@link #writeKeyFile} wrote: enough to sign orders, not to run a simulator. */
    public static SimulatorCredentials readKeyFile(Path file) throws IOException {
        JsonObject keys = new JsonObject(Files.readString(file));
        String kalshi = keys.getString(KALSHI_KEY_FIELD);
        String polymarket = keys.getString(POLYMARKET_KEY_FIELD);
        if (kalshi == null || polymarket == null) {
            throw new IllegalArgumentException(
                    file + ": a simulator key file needs " + KALSHI_KEY_FIELD + " and " + POLYMARKET_KEY_FIELD);
        }
        try {
            return new SimulatorCredentials(
                    new KeyPair(
                            null,
                            KeyFactory.getInstance("RSA")
                                    .generatePrivate(new PKCS8EncodedKeySpec(
                                            Base64.getDecoder().decode(kalshi)))),
                    polymarket);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + KALSHI_KEY_FIELD + " is not a PKCS#8 RSA key", e);
        }
    }

    /** The simulated Kalshi with signature checks on for this run's key. */
    public KalshiSimulatorOptions kalshiOptions() {
        return KalshiSimulatorOptions.DEFAULT.withAuth(kalshiKeys.getPublic());
    }

    /** The public half of the Kalshi key as PEM, for a simulator started in another process. */
    public String kalshiPublicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(PEM_LINE, new byte[] {'\n'})
                        .encodeToString(kalshiKeys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    public KalshiSigner kalshiSigner() {
        return new KalshiSigner(KalshiCredentials.of(KALSHI_KEY_ID, kalshiKeys.getPrivate()));
    }

    public KalshiHandshake kalshiHandshake() {
        return new KalshiHandshake(kalshiSigner());
    }

    /** The environment a Polymarket gateway would read: the private key only, API credentials derived. */
    public Map<String, String> polymarketEnvironment() {
        return Map.of("POLYMARKET_PRIVATE_KEY", polymarketPrivateKey);
    }

    /** Both order gateways, pointed at {@code simulator}, and how to close what they hold. */
    public record Gateways(Map<Platform, VenueOrderGateway> venues, KalshiRestClient kalshiRest) {
        public Future<Void> close() {
            return kalshiRest.close();
        }
    }

    /**
     * Both gateways, their signers warmed by one throwaway signature each (never sent): the first order
     * then does not pay for the signers' cold start; the executor's start-up read warms the connections.
     */
    public Gateways gateways(Vertx vertx, ExchangeSimulator simulator, List<MarketPair> pairs) {
        return gateways(vertx, simulator.kalshiRestUrl(), simulator.polymarketRestUrl(), pairs);
    }

    /** The same, for simulators that may run in other processes. */
    public Gateways gateways(Vertx vertx, SimulatorEndpoints simulator, List<MarketPair> pairs) {
        return gateways(vertx, simulator.kalshiRestUrl(), simulator.polymarketRestUrl(), pairs);
    }

    /** Both gateways, pointed at simulators that run elsewhere (their REST base URLs). */
    public Gateways gateways(Vertx vertx, String kalshiRestUrl, String polymarketRestUrl, List<MarketPair> pairs) {
        KalshiSigner signer = kalshiSigner();
        signer.sign(System.currentTimeMillis(), "POST", "/trade-api/v2/portfolio/events/orders");
        KalshiRestClient rest = new KalshiRestClient(
                vertx, KalshiRestConfig.of(kalshiRestUrl).withTier(KalshiRateTier.PREMIER), signer);
        String clob = polymarketRestUrl;
        PolymarketOrderGateway polymarket = PolymarketOrderGateway.create(
                vertx,
                PolymarketGatewayConfig.of(clob, clob),
                PolymarketCredentials.fromEnvironment(polymarketEnvironment()),
                PolymarketMarketCatalog.of(pairs));
        polymarket.warmUpSigner();
        return new Gateways(
                Map.of(Platform.KALSHI, new KalshiOrderGateway(rest), Platform.POLYMARKET, polymarket), rest);
    }

    /**
     * Runs {@code orders} throwaway orders per venue through each order gateway's code against loopback sinks
     * ({@code KalshiOrderPathWarmUp}, {@code PolymarketOrderPathWarmUp}, one venue after the other), so the first
     * live orders do not run interpreted; completes with the orders answered.
     */
    public Future<Integer> warmUpOrderPaths(Vertx vertx, int orders) {
        return KalshiOrderPathWarmUp.run(vertx, orders)
                .compose(kalshi -> PolymarketOrderPathWarmUp.run(
                                vertx, PolymarketCredentials.fromEnvironment(polymarketEnvironment()), orders)
                        .map(polymarket -> kalshi + polymarket));
    }

    /**
     * Redeems settled Polymarket winnings on the simulator's Polygon JSON-RPC with this run's wallet key (an EOA,
     * signature type 0: the wallet that holds the tokens sends the transaction), as the live executor does.
     */
    public Redeemer redeemer(Vertx vertx, SimulatorEndpoints simulator) {
        PolymarketCredentials credentials = PolymarketCredentials.fromEnvironment(polymarketEnvironment());
        return new ChainRedeemer(new PositionRedeemer(
                vertx,
                new PolygonRpcClient(WebClient.create(vertx), simulator.polygonRpcUrl(), REDEEM_TIMEOUT_MILLIS),
                credentials.signer(),
                credentials.chainId(),
                RedeemRoute.COLLATERAL_ADAPTER,
                REDEEM_TIMEOUT_MILLIS));
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "SimulatorCredentials[generated, not shown]";
    }
}
