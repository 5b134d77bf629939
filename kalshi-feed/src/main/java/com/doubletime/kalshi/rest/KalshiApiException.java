package com.doubletime.kalshi.rest;

/**
 * A Kalshi REST call answered with an error status. {@code code} is the venue's business code from
 * {@code {"error":{"code":…,"message":…}}} (e.g. {@code insufficient_balance}, {@code market_not_found}),
 * or {@code http_<status>} when the body has none.
 */
public class KalshiApiException extends RuntimeException {
    private final int status;
    private final String code;

    public KalshiApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
