package com.doubletime.polymarket.order;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/**
 * Everything needed to trade, read once at start-up. Secrets come from the environment or from files
 * (for container secrets); {@link #toString()} shows neither the key nor the API secret or passphrase.
 *
 * <p>Environment ({@code X_FILE} = path of a file holding X, used when X is unset):
 * <ul>
 *   <li>{@code POLYMARKET_PRIVATE_KEY} (hex, with or without 0x) — required</li>
 *   <li>{@code POLYMARKET_API_KEY}, {@code POLYMARKET_API_SECRET}, {@code POLYMARKET_API_PASSPHRASE} — all or
 *       none; when none, derive them once with {@code GET /auth/derive-api-key} (L1)</li>
 *   <li>{@code POLYMARKET_SIGNATURE_TYPE} 0 EOA (default), 1 POLY_PROXY, 2 POLY_GNOSIS_SAFE, 3 POLY_1271</li>
 *   <li>{@code POLYMARKET_FUNDER} — the proxy, Safe or deposit wallet; required for types 1–3</li>
 *   <li>{@code POLYMARKET_CHAIN_ID} — 137 (default) or 80002</li>
 * </ul>
 *
 * @param api null until derived
 */
public record PolymarketCredentials(
        OrderSigner signer, ApiCredentials api, SignatureType signatureType, String funder, long chainId) {
    public PolymarketCredentials {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(signatureType, "signatureType");
        if (signatureType != SignatureType.EOA && (funder == null || funder.isBlank())) {
            throw new IllegalArgumentException("POLYMARKET_FUNDER is required for signature type " + signatureType);
        }
        if (funder != null && !funder.isBlank()) {
            Eip712.address(funder);
        }
        if (chainId != PolymarketExchange.POLYGON && chainId != PolymarketExchange.AMOY) {
            throw new IllegalArgumentException("POLYMARKET_CHAIN_ID must be 137 or 80002, got " + chainId);
        }
    }

    /** The order's {@code maker}: where the funds are (polymarket.md §4.3). */
    public String maker() {
        return signatureType == SignatureType.EOA ? signer.address() : funder;
    }

    /** The order's {@code signer}: the key's EOA, or the deposit wallet itself for POLY_1271. */
    public String orderSigner() {
        return signatureType == SignatureType.POLY_1271 ? funder : signer.address();
    }

    public PolymarketCredentials withApi(ApiCredentials derived) {
        return new PolymarketCredentials(signer, derived, signatureType, funder, chainId);
    }

    public static PolymarketCredentials fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static PolymarketCredentials fromEnvironment(Map<String, String> env) {
        String key = secret(env, "POLYMARKET_PRIVATE_KEY");
        if (key == null) {
            throw new IllegalArgumentException("POLYMARKET_PRIVATE_KEY (or POLYMARKET_PRIVATE_KEY_FILE) is not set");
        }
        ECKeyPair pair;
        try {
            byte[] raw = Numeric.hexStringToByteArray(key.strip());
            if (raw.length != 32) {
                throw new IllegalArgumentException();
            }
            pair = ECKeyPair.create(raw);
        } catch (RuntimeException e) {
            // never echo the value
            throw new IllegalArgumentException("POLYMARKET_PRIVATE_KEY is not a 32-byte hex key");
        }
        String apiKey = secret(env, "POLYMARKET_API_KEY");
        String apiSecret = secret(env, "POLYMARKET_API_SECRET");
        String passphrase = secret(env, "POLYMARKET_API_PASSPHRASE");
        int present = (apiKey == null ? 0 : 1) + (apiSecret == null ? 0 : 1) + (passphrase == null ? 0 : 1);
        if (present != 0 && present != 3) {
            throw new IllegalArgumentException(
                    "set all of POLYMARKET_API_KEY, POLYMARKET_API_SECRET, POLYMARKET_API_PASSPHRASE or none");
        }
        ApiCredentials api =
                present == 3 ? new ApiCredentials(apiKey.strip(), apiSecret.strip(), passphrase.strip()) : null;
        String type = env.getOrDefault("POLYMARKET_SIGNATURE_TYPE", "0").strip();
        SignatureType signatureType;
        try {
            signatureType = SignatureType.fromWire(Integer.parseInt(type));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("POLYMARKET_SIGNATURE_TYPE must be 0..3, got " + type);
        }
        String chain = env.getOrDefault("POLYMARKET_CHAIN_ID", "137").strip();
        long chainId;
        try {
            chainId = Long.parseLong(chain);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("POLYMARKET_CHAIN_ID must be a number, got " + chain);
        }
        String funder = env.get("POLYMARKET_FUNDER");
        return new PolymarketCredentials(
                new OrderSigner(pair),
                api,
                signatureType,
                funder == null || funder.isBlank() ? null : funder.strip(),
                chainId);
    }

    /** The variable, or the content of the file named by {@code NAME_FILE}; null when neither is set. */
    private static String secret(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value != null && !value.isBlank()) {
            return value;
        }
        String file = env.get(name + "_FILE");
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            return Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8)
                    .strip();
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    name + "_FILE cannot be read: " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return "PolymarketCredentials[address=" + signer.address() + ", api=" + api + ", signatureType=" + signatureType
                + ", funder=" + funder + ", chainId=" + chainId + "]";
    }
}
