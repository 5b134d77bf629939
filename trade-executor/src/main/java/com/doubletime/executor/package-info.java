/**
 * The trade executor: risk checks, paper fills and the trade journal.
 *
 * <pre>
 *  dt.market-data ──► OrderbookSet (own copy of every book)
 *                          │
 *  dt.opportunities ──► PaperTrader.decide ──► journal ──► PaperTrader.fill ──► journal ──► dt.trades
 *   (Found only;          (pair known, books      (fsync)    (IOC walk of the      (fsync)    TradeReport
 *    Closed forgets        fresh and young,                   current asks up to
 *    the id)               max notional, min                  each limit price)
 *                          order size, one
 *                          decision per id)
 *  dt.trades.query ──► recent trades as a JSON array (same objects as the journal's "trade" lines)
 * </pre>
 *
 * <p>Choices worth knowing:
 * <ul>
 *   <li>Max notional per trade bounds the cash outlay (both legs' cost plus fees) at the <em>limit</em>
 *       prices, so it holds whatever an immediate-or-cancel order gets; it can reduce a trade a little
 *       more than the book at detection would need.</li>
 *   <li>One decision per opportunity id, whatever the verdict: updates of an open opportunity never trade
 *       again, and a rejected one is not retried (a rejection for size would otherwise be journaled on
 *       every update). The remembered ids are per run: the monitor numbers opportunities per run, so
 *       reloading them from the journal would silently skip new opportunities after a full restart.</li>
 *   <li>Fills are whole contracts on both venues; a partly taken level keeps its fractional size.</li>
 *   <li>{@code realisedEdge} counts only hedged pairs at $1; contracts bought on one venue count as zero
 *       until unwound, and such a trade is logged as UNHEDGED.</li>
 *   <li>Paper fills do not consume book liquidity.</li>
 *   <li>A failed journal write halts trading until restart: nothing may be done that is not recorded.</li>
 *   <li>Deploy one executor per cluster: opportunities are published, so every instance would trade them.</li>
 * </ul>
 */
package com.doubletime.executor;
