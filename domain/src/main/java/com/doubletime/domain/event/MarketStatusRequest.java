package com.doubletime.domain.event;

/**
 * Asks every feed to publish its current {@link MarketStatusChanged} views again: sent by a service that starts
 * after the feeds (monitor, executor) so it does not wait for the next change.
 *
 * @param requester who asks, for logs
 */
public record MarketStatusRequest(String requester) {}
