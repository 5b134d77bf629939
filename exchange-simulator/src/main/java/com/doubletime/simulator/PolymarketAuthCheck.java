package com.doubletime.simulator;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CLOB's L2 check (polymarket.md §4.2): HMAC-SHA256 of {@code timestamp + METHOD + path + body} under
 * the account's base64url secret, compared with {@code POLY_SIGNATURE}; the timestamp must be recent and
 * the passphrase and address must belong to the API key. Written independently of the adapter's signer,
 * so a shared mistake cannot make both agree.
 */
final class PolymarketAuthCheck {

    /** Assumed tolerance; the real value is undocumented. */
    static final long MAX_SKEW_SECONDS = 300;

    private PolymarketAuthCheck() {}

    /** The account when every header checks out, else null. */
    static PolymarketAccount verify(
            Map<String, PolymarketAccount> accountsByKey,
            MultiMap headers,
            String method,
            String path,
            String body,
            long nowSeconds) {
        PolymarketAccount account = accountsByKey.get(String.valueOf(headers.get("POLY_API_KEY")));
        String timestamp = headers.get("POLY_TIMESTAMP");
        String signature = headers.get("POLY_SIGNATURE");
        if (account == null
                || timestamp == null
                || signature == null
                || !account.passphrase().equals(headers.get("POLY_PASSPHRASE"))
                || !account.address().equalsIgnoreCase(String.valueOf(headers.get("POLY_ADDRESS")))) {
            return null;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return null;
        }
        if (Math.abs(nowSeconds - ts) > MAX_SKEW_SECONDS) {
            return null;
        }
        String expected = hmac(account.secret(), timestamp + method + path + (body == null ? "" : body));
        return MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))
                ? account
                : null;
    }

    static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            String padded = secret.replace('+', '-').replace('/', '_');
            padded += "=".repeat((4 - padded.length() % 4) % 4);
            mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(padded), "HmacSHA256"));
            return Base64.getUrlEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "";
        }
    }
}
