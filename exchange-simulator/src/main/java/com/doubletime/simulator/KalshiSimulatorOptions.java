package com.doubletime.simulator;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * How the simulated Kalshi treats clients.
 *
 * @param authPublicKey     when set, every WebSocket upgrade and REST request must carry a valid
 *                          {@code KALSHI-ACCESS-*} signature by the matching private key, else 401; null
 *                          (the default) accepts anyone, so {@code ./double-time run} needs no credentials
 * @param maxClockSkewMillis a signature whose timestamp is further than this from the simulator's clock, in
 *                          either direction, is "old" and refused (Kalshi does not publish its window)
 * @param startingBalance   cash in dollars of the single simulated account
 */
public record KalshiSimulatorOptions(PublicKey authPublicKey, long maxClockSkewMillis, BigDecimal startingBalance) {

    public static final KalshiSimulatorOptions DEFAULT =
            new KalshiSimulatorOptions(null, 30_000, new BigDecimal("10000"));

    public KalshiSimulatorOptions {
        if (maxClockSkewMillis <= 0) {
            throw new IllegalArgumentException("maxClockSkewMillis must be positive");
        }
        if (startingBalance == null || startingBalance.signum() < 0) {
            throw new IllegalArgumentException("startingBalance must be zero or more dollars");
        }
    }

    public KalshiSimulatorOptions withAuth(PublicKey publicKey) {
        return new KalshiSimulatorOptions(publicKey, maxClockSkewMillis, startingBalance);
    }

    public KalshiSimulatorOptions withStartingBalance(BigDecimal dollars) {
        return new KalshiSimulatorOptions(authPublicKey, maxClockSkewMillis, dollars);
    }

    /** An RSA public key in PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
    public static PublicKey readPublicKey(Path pemFile) throws IOException {
        String pem = Files.readString(pemFile, StandardCharsets.US_ASCII);
        if (!pem.contains("-----BEGIN PUBLIC KEY-----")) {
            throw new IllegalArgumentException(pemFile + " is not a PEM public key (-----BEGIN PUBLIC KEY-----)");
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(pemFile + " holds no readable RSA public key", e);
        }
    }
}
