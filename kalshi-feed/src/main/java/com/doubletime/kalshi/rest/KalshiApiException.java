package com.doubletime.kalshi.rest;

/**
 * A Kalshi REST call answered with an error status. {@code code} is the venue's business code from
 * {@code {"error":{"code":…,"message":…}}} (e.g. {@code insufficient_balance}, {@code market_not_found}),
 * or {@code http_<status>} when the body has none.
 */
public class KalshiApiException extends RuntimeException {
    /** The HTTP statuses Kalshi answers with (kalshi.md §4), by name. */
    public static final int OK = 200;

    public static final int CLIENT_ERROR = 400;
    public static final int UNAUTHORIZED = 401;
    public static final int NOT_FOUND = 404;
    public static final int CONFLICT = 409;
    public static final int TOO_MANY_REQUESTS = 429;
    public static final int SERVER_ERROR = 500;

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
