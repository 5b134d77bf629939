/**
 * The HTTP gateway: control API, history, SSE streams, health, metrics, dashboard and pair discovery.
 * {@link com.doubletime.gateway.GatewayVerticle} is wiring only; each handler mounts its own routes.
 *
 * <pre>
 *  dt.opportunities ─► StreamsApi: EventRing ─► GET /api/opportunities (filters) ; SseHub ─► /api/opportunities/stream
 *  dt.trades ────────► StreamsApi: EventRing ─► SseHub ─► /api/trades/stream  (event: trade)
 *  dt.control.events ─┤                                                       (event: control)
 *  dt.execution ──────┘ (ExecutionAlert only)                                 (event: alert)
 *  dt.feed-health ───► FeedHealthBoard (+ feed meters) ; StreamsApi: EventRing ─► /api/feeds/health/stream
 *
 *  /health, /health/live, /health/ready ─► Readiness (executor and monitor asked over the bus, the executor's halt,
 *                                          feeds' reports; every DOWN says why)
 *  /, /dashboard/*, /api/openapi.json ──► Dashboard (public, no data)
 *  /api/* ─► ApiAuth (bearer, constant time) ─► BodyHandler (size limit) ─► JsonBodies (strict)
 *  /api/control, /api/risk-limits ─► ControlApi ─► ControlCommand on dt.control ─► TradingControl | ControlRefused
 *  /api/pairs ───────► ControlApi ─► PairsApi (ConfiguredPairs, PairsFile rules) ─► publish dt.pairs.changed
 *  /api/trades, /api/positions ─► QueryApi ─► TradesQuery / PositionsQuery ─► trade executor
 *  /api/markets ─────► QueryApi ─► MarketsQuery ─► monitor ;  /api/feeds/health ─► FeedHealthBoard
 *  /api/discovery/candidates ─► DiscoveryApi (venue catalogues, PairDiscovery)
 *  every failure ────► ApiErrors (JSON {"error","field"}; a service that does not answer: 503 naming it)
 * </pre>
 *
 * <p>Every bus request goes through {@link com.doubletime.gateway.ServiceRequests} (bounded by
 * {@code tradesQueryTimeout}). Stream ids start at the gateway's start time in epoch microseconds and count up by
 * one, so they keep increasing across restarts. A slow SSE client is dropped (its connection reset), never waited for.
 * Everything runs on the gateway's event loop.
 */
package com.doubletime.gateway;
