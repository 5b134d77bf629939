package com.doubletime.kalshi.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Signs Kalshi requests (kalshi.md §2): RSASSA-PSS, SHA-256, MGF1-SHA-256, salt 32, over
 * {@code timestamp_ms + METHOD + path}, where the path starts at the API root ({@code /trade-api/v2/…} or
 * {@code /trade-api/ws/v2}) and has no query string; the body is never signed. PSS is randomized, so each
 * call gives a different signature: only verification can be tested.
 *
 * <p>Thread-safe: a fresh {@link Signature} per call (about 2 ms for RSA-2048 on this machine).
 */
public final class KalshiSigner {
    public static final String ACCESS_KEY = "KALSHI-ACCESS-KEY";
    public static final String ACCESS_SIGNATURE = "KALSHI-ACCESS-SIGNATURE";
    public static final String ACCESS_TIMESTAMP = "KALSHI-ACCESS-TIMESTAMP";
    /** The signed path of the WebSocket upgrade. */
    public static final String WS_PATH = "/trade-api/ws/v2";

    private final KalshiCredentials credentials;
    private final LongSupplier clockMillis;

    public KalshiSigner(KalshiCredentials credentials) {
        this(credentials, System::currentTimeMillis);
    }

    /** @param clockMillis epoch milliseconds; tests pass a fixed clock to produce old timestamps */
    public KalshiSigner(KalshiCredentials credentials, LongSupplier clockMillis) {
        this.credentials = credentials;
        this.clockMillis = clockMillis;
    }

    /** The three {@code KALSHI-ACCESS-*} headers for one request, with a fresh timestamp. */
    public Map<String, String> headers(String method, String path) {
        long timestamp = clockMillis.getAsLong();
        return headers(timestamp, sign(timestamp, method, path));
    }

    /** The three {@code KALSHI-ACCESS-*} headers for a signature made earlier at {@code timestamp} ({@link KalshiPresigner}). */
    public Map<String, String> headers(long timestamp, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ACCESS_KEY, credentials.apiKeyId());
        headers.put(ACCESS_TIMESTAMP, Long.toString(timestamp));
        headers.put(ACCESS_SIGNATURE, signature);
        return headers;
    }

    /** Epoch milliseconds on this signer's clock. */
    public long nowMillis() {
        return clockMillis.getAsLong();
    }

    /** Base64 (standard alphabet) signature of {@code timestamp + METHOD + path-without-query}. */
    public String sign(long timestampMillis, String method, String path) {
        byte[] message = signedMessage(timestampMillis, method, path).getBytes(StandardCharsets.UTF_8);
        try {
            Signature signature = Signature.getInstance("RSASSA-PSS");
            signature.setParameter(PSS);
            signature.initSign(credentials.privateKey());
            signature.update(message);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "RSA-PSS signing failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The exact text Kalshi verifies. */
    public static String signedMessage(long timestampMillis, String method, String path) {
        return timestampMillis + method.toUpperCase(Locale.ROOT) + pathWithoutQuery(path);
    }

    public static String pathWithoutQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    public static final PSSParameterSpec PSS = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    @Override
    public String toString() {
        return "KalshiSigner[" + credentials + "]";
    }
}
