package com.doubletime.feed;

/** What a feed's protocol may do with its connection; {@link FeedConnection} in production, a fake in tests. */
public interface FeedLink {
    /** Sends a text frame; {@code false} when no socket is open. */
    boolean send(String text);

    /** Drops the socket and reconnects after the backoff delay. */
    void reconnect(String reason);

    /** The venue is serving market data: reset the reconnect backoff. */
    void markHealthy();

    /** Remembers the latest problem for the health report. */
    void noteError(String error);
}
