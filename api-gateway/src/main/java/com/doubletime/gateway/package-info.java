/**
 * The HTTP gateway: health, recent opportunities, the opportunity SSE stream and recent trades.
 *
 * <pre>
 *  dt.opportunities ──► OpportunityRing (last N events, §4 JSON rendered once, ids n, n+1, …)
 *                            │                      │
 *                            ▼                      ▼
 *                 GET /api/opportunities     SseHub ──► every GET /api/opportunities/stream client
 *                                            (Last-Event-ID replays from the ring; a client whose unsent
 *                                             backlog passes sseMaxQueuedBytes is disconnected; ": keep-alive"
 *                                             comments every keepAliveInterval)
 *  GET /api/trades ──request──► dt.trades.query (trade executor) ── JSON array ──► response, or 503
 * </pre>
 *
 * <p>Stream ids start at the gateway's start time in epoch microseconds and count up by one, so they keep
 * increasing across restarts: a client resuming with an id from before a restart is replayed everything
 * the ring holds. A resumed client's queue allowance includes its replay, which is bounded by the ring.
 */
package com.doubletime.gateway;
