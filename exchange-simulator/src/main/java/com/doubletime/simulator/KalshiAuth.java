package com.doubletime.simulator;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Kalshi's request authentication as the venue checks it (kalshi.md §2): {@code KALSHI-ACCESS-KEY},
 * {@code -TIMESTAMP} (milliseconds) and {@code -SIGNATURE}, an RSASSA-PSS (SHA-256, MGF1-SHA-256, salt 32)
 * signature over {@code timestamp + METHOD + path}, path without its query.
 */
final class KalshiAuth {

    private static final PSSParameterSpec PSS =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private final PublicKey publicKey;
    private final long maxSkewMillis;
    private final LongSupplier clockMillis;

    KalshiAuth(PublicKey publicKey, long maxSkewMillis, LongSupplier clockMillis) {
        this.publicKey = publicKey;
        this.maxSkewMillis = maxSkewMillis;
        this.clockMillis = clockMillis;
    }

    /** Null when the request is properly signed, else why not (for the 401 body). */
    String check(String method, String path, MultiMap headers) {
        String key = headers.get("KALSHI-ACCESS-KEY");
        String timestamp = headers.get("KALSHI-ACCESS-TIMESTAMP");
        String signature = headers.get("KALSHI-ACCESS-SIGNATURE");
        if (key == null || key.isBlank() || timestamp == null || signature == null) {
            return "missing KALSHI-ACCESS-KEY, KALSHI-ACCESS-TIMESTAMP or KALSHI-ACCESS-SIGNATURE";
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return "KALSHI-ACCESS-TIMESTAMP is not an integer";
        }
        if (Math.abs(clockMillis.getAsLong() - millis) > maxSkewMillis) {
            return "KALSHI-ACCESS-TIMESTAMP is too far from the server clock (milliseconds expected)";
        }
        int query = path.indexOf('?');
        String signed =
                timestamp.trim() + method.toUpperCase(Locale.ROOT) + (query < 0 ? path : path.substring(0, query));
        try {
            Signature verifier = Signature.getInstance("RSASSA-PSS");
            verifier.setParameter(PSS);
            verifier.initVerify(publicKey);
            verifier.update(signed.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature.trim())) ? null : "signature does not verify";
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return "signature does not verify";
        }
    }
}
