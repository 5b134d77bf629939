package com.doubletime.kalshi.rest;

/** HTTP 429 still after every retry: the tier's budget is exhausted for longer than we wait. */
public final class KalshiRateLimitedException extends KalshiApiException {
    public KalshiRateLimitedException(String path, int attempts) {
        super(
                TOO_MANY_REQUESTS,
                "too_many_requests",
                "Kalshi answered 429 to " + path + " " + attempts
                        + " times in a row; lower the request rate or raise the API tier");
    }
}
