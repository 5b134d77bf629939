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

    private final Map<String, PolymarketAccount> accountsByKey = new ConcurrentHashMap<>();
    private final PolymarketFaults faults = new PolymarketFaults();

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
