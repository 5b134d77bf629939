package com.doubletime.domain.event;

/**
 * Asks every feed to publish a snapshot of each book it holds fresh, from its own copy: sent by a service that
 * starts or restarts after the feeds (monitor, executor). Kalshi sends a market's snapshot only when it is
 * subscribed, so without this a late subscriber would wait for the next gap or reconnect; a snapshot equal to what
 * a consumer already holds changes nothing there.
 *
 * @param requester who asks, for logs
 */
public record BooksResendRequest(String requester) {}
