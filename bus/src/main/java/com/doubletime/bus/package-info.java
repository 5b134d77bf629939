/**
 * The event bus: every address ({@link com.doubletime.bus.Addresses}), the records that cross it and their codecs.
 * Nothing crosses as JSON: events, commands, queries and answers are records ({@code domain}'s events and journal
 * entries, and {@link com.doubletime.bus.protocol}'s commands and queries), each with a registered codec
 * ({@link com.doubletime.bus.BusCodecs#registerAll}).
 *
 * <pre>
 *  feeds ──► dt.market-data (MarketDataBatch) ──► monitor, executor
 *  monitor ─► dt.opportunities (ArbitrageOpportunityFound | Closed) ──► executor, gateway
 *  executor ► dt.trades (TradeReport), dt.execution (OrderEvent | ExecutionAlert | TradeReport),
 *             dt.control.events (TradingControl) ──► gateway
 *  feeds ──► dt.feed-health (FeedHealth) ──► gateway ;  gateway ─► dt.pairs.changed (PairsChanged) ─► all
 *  gateway ─► dt.control (ControlCommand) ─► executor ─► TradingControl | ControlRefused
 *  gateway ─► dt.trades.query (TradesQuery) / dt.positions.query (PositionsQuery) ─► executor
 *             ─► RecentTrades / PositionsReport ;  dt.markets.query (MarketsQuery) ─► monitor ─► MarketsReport
 * </pre>
 *
 * <p>Wire form ({@link com.doubletime.bus.RecordCodec}): locally the same immutable instance is handed on; across the
 * cluster a length, the codec's version byte, then the fields in {@link com.doubletime.bus.WireWriter}'s idioms.
 * Enums cross by name (a stable tag names a variant), never by ordinal, so a reordered or extended enum cannot change
 * a message's meaning; a member of another build whose codec has another version is refused before any field is read
 * ({@link com.doubletime.bus.WireVersionException}). Bump a codec's version whenever its layout changes.
 */
package com.doubletime.bus;
