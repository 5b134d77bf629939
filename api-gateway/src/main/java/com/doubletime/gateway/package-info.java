/**
 * The HTTP gateway: control API, history, SSE streams, health, metrics, dashboard and pair discovery.
 *
 * <pre>
 *  dt.opportunities ─► EventRing ─► GET /api/opportunities (filters) ; SseHub ─► /api/opportunities/stream
 *  dt.trades ────────► EventRing ─► SseHub ─► /api/trades/stream  (event: trade)
 *  dt.control.events ─┘                                          (event: control)
 *  dt.feed-health ───► FeedHealthBoard (+ feed meters) ─► /api/feeds/health ; EventRing ─► …/stream
 *
 *  /api/* ─► ApiAuth (bearer, constant time) ─► BodyHandler (size limit) ─► JsonBodies (strict)
 *  /api/pairs ─────────► PairsApi (ConfiguredPairs, PairsFile rules) ─► publish dt.pairs.changed
 *  /api/control, /api/risk-limits ─► request dt.control ─► trade executor (journals, replies the state)
 *  /api/trades, /api/positions ────► request dt.trades.query / dt.positions.query ─► trade executor
 *  /api/markets, readiness ────────► request dt.markets.query ─► monitor
 * </pre>
 *
 * <p>Stream ids start at the gateway's start time in epoch microseconds and count up by one, so they keep
 * increasing across restarts. A slow SSE client is dropped, never waited for. Everything runs on the
 * gateway's event loop.
 */
package com.doubletime.gateway;
