/**
 * Local Kalshi and Polymarket venues on loopback, speaking the venues' current wire formats.
 *
 * <pre>
 *   one event loop (SimulatorVerticle): the single writer of every book, no locks
 *
 *   RandomWalk (timer) --+
 *                        +- apply -> SimulatedBooks -- BookListener --+- KalshiDelta ----------> KalshiServer
 *   ScenarioPlayer ------+           (all books of                    |                          ws, REST orderbook
 *                                     both venues)                    +- PolymarketPriceChange -> PolymarketServer
 *                                          ^                                                     ws, REST /book
 *                                          +---------- snapshots and REST books read by the servers
 * </pre>
 *
 * <p>Prices and sizes are fixed-point longs ({@link com.doubletime.simulator.FixedPoint}); wire
 * spellings are produced only in {@code KalshiFrames} and {@code PolymarketFrames}.
 */
package com.doubletime.simulator;
