package com.doubletime.polymarket.order;

import java.util.Objects;

/**
 * L2 API credentials as returned by {@code /auth/derive-api-key}. {@link #toString()} never shows the
 * secret or the passphrase, so a credentials object can end up in a log line without leaking them.
 *
 * @param apiKey     the key (a UUID), also the order body's {@code owner}
 * @param secret     base64url HMAC secret
 * @param passphrase sent as {@code POLY_PASSPHRASE}
 */
public record ApiCredentials(String apiKey, String secret, String passphrase) {
    public ApiCredentials {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(passphrase, "passphrase");
        if (apiKey.isBlank() || secret.isBlank() || passphrase.isBlank()) {
            throw new IllegalArgumentException("API key, secret and passphrase must all be set");
        }
    }

    @Override
    public String toString() {
        return "ApiCredentials[apiKey=" + apiKey + ", secret=***, passphrase=***]";
    }
}
