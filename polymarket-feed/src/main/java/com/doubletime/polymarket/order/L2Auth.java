package com.doubletime.polymarket.order;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * L2 authentication (polymarket.md §4.2): HMAC-SHA256 over {@code timestamp + METHOD + path + body} with
 * the base64url-decoded secret, output base64url with padding. The path excludes the query string, and
 * the body must be the exact text sent: serialise once, sign those bytes, send those bytes.
 */
public final class L2Auth {
    private L2Auth() {}

    /** @param body the exact request body text, or {@code null}/empty when there is none */
    public static String signature(String secret, long timestampSeconds, String method, String path, String body) {
        String message = timestampSeconds + method + path + (body == null ? "" : body);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(decodeSecret(secret), "HmacSHA256"));
            return Base64.getUrlEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Accepts either base64 alphabet, with or without padding, as the SDKs do. */
    static byte[] decodeSecret(String secret) {
        String normalized = secret.strip().replace('+', '-').replace('/', '_');
        while (normalized.length() % 4 != 0) {
            normalized += "=";
        }
        try {
            return Base64.getUrlDecoder().decode(normalized);
        } catch (IllegalArgumentException e) {
            // the message would echo part of the secret
            throw new IllegalArgumentException("the API secret is not base64");
        }
    }

    /** {@code POLY_ADDRESS} is the key's EOA (the API key owner), not the funder. */
    public static Map<String, String> headers(
            String address,
            ApiCredentials credentials,
            long timestampSeconds,
            String method,
            String path,
            String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("POLY_ADDRESS", address);
        headers.put("POLY_SIGNATURE", signature(credentials.secret(), timestampSeconds, method, path, body));
        headers.put("POLY_TIMESTAMP", Long.toString(timestampSeconds));
        headers.put("POLY_API_KEY", credentials.apiKey());
        headers.put("POLY_PASSPHRASE", credentials.passphrase());
        return headers;
    }
}
