package com.doubletime.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-facing controls of the simulated Polymarket CLOB: API accounts and fault switches. Thread-safe;
 * the venue reads them on its event loop.
 */
public final class PolymarketVenue {

    /** Polygon; the simulator signs and verifies against the production exchange addresses. */
    public static final long CHAIN_ID = 137;

    /** pUSD every wallet starts with unless configured: 10,000 dollars, in micro-dollars. */
    public static final long DEFAULT_STARTING_CASH_MICROS = 10_000_000_000L;

    private final Map<String, PolymarketAccount> accountsByKey = new ConcurrentHashMap<>();
    private final PolymarketFaults faults = new PolymarketFaults();

    private volatile long startingCashMicros = DEFAULT_STARTING_CASH_MICROS;

    /**
     * pUSD every wallet starts with (default 10,000). A wallet starts when the venue first sees it (an order, a
     * balance read), so set this before the first request of that wallet.
     */
    public void startingCash(java.math.BigDecimal dollars) {
        if (dollars.signum() < 0) {
            throw new IllegalArgumentException("starting cash must not be negative");
        }
        startingCashMicros = dollars.movePointRight(6)
                .setScale(0, java.math.RoundingMode.DOWN)
                .longValueExact();
    }

    long startingCashMicros() {
        return startingCashMicros;
    }

    public PolymarketFaults faults() {
        return faults;
    }

    /** Registers (or replaces) an account; its API key then authenticates L2 requests. */
    public void register(PolymarketAccount account) {
        accountsByKey.put(account.apiKey(), account);
    }

    /**
     * The credentials {@code GET /auth/derive-api-key} returns for an address and nonce: deterministic, as
     * deriving is on the real CLOB, and registered on first use.
     */
    public PolymarketAccount derive(String address, long nonce, String funder) {
        String seed = address.toLowerCase() + ":" + nonce;
        byte[] material = sha256("polymarket-sim-secret:" + seed);
        PolymarketAccount account = new PolymarketAccount(
                address,
                UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString(),
                Base64.getUrlEncoder().encodeToString(material),
                HexFormat.of()
                        .formatHex(sha256("polymarket-sim-passphrase:" + seed))
                        .substring(0, 32),
                funder);
        accountsByKey.putIfAbsent(account.apiKey(), account);
        return accountsByKey.get(account.apiKey());
    }

    Map<String, PolymarketAccount> accountsByKey() {
        return accountsByKey;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
