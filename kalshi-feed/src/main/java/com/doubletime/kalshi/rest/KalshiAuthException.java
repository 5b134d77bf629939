package com.doubletime.kalshi.rest;

/**
 * HTTP 401: Kalshi did not accept the signature. The usual causes are a wrong key id or key file, a demo
 * key used on production (or the reverse), a timestamp in seconds, or a drifting clock (kalshi.md §2).
 */
public final class KalshiAuthException extends KalshiApiException {
    public KalshiAuthException(String code, String venueMessage, String path) {
        super(
                UNAUTHORIZED,
                code,
                "Kalshi rejected the credentials on " + path + " (HTTP 401 " + code + ": " + venueMessage
                        + "). Check KALSHI_API_KEY_ID and the private key file, that the key belongs to this environment"
                        + " (demo and production keys differ), and that the clock is NTP-synced.");
    }
}
