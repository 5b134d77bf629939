/**
 * The services as separately deployed processes on one clustered Vert.x event bus (Hazelcast, TCP-IP join).
 *
 * <pre>
 *   kalshi-feed #1 ─┐ MarketDataBatch                        ┌─► trade-executor ─► journal (file / PostgreSQL)
 *   kalshi-feed #2 ─┼──────────────► arbitrage-monitor ──────┤ OpportunityEvent, TradeReport
 *   polymarket-feed ┘  (codecs: BusCodecs)                   └─► api-gateway ─► HTTP, SSE, /metrics
 *         │
 *         └─ shared data: dt.feed-members.&lt;feed&gt; (heartbeats), dt.feed-leases.&lt;feed&gt; (one lease per market)
 * </pre>
 *
 * <p>Start-up: {@link com.doubletime.cluster.ServiceMain} reads a service's options (file &lt; environment
 * &lt; command line, {@link com.doubletime.cluster.ServiceOptions}), {@link com.doubletime.cluster.ServiceNode}
 * starts Vert.x alone or clustered with the member configuration of
 * {@link com.doubletime.cluster.HazelcastConfigs}.
 *
 * <p>Feed scale-out: instances of one feed split its markets by rendezvous hashing over the live instances
 * and hold each market by a lease ({@link com.doubletime.cluster.MarketAssignment},
 * {@link com.doubletime.cluster.MarketLeaseVerticle}). A market is handed over by the old holder first
 * unsubscribing and marking its book stale, then releasing the lease; the new holder subscribes on its next
 * round and its snapshot makes the book fresh again. A killed holder's leases simply expire (4 s by default)
 * and are taken over on the next round (1 s), so within about 5 s plus one subscription.
 *
 * <p>The monitor's side of "one source per market": it needs no owner table. Leases keep two instances from
 * streaming one market at once except in two narrow windows — frames already in flight from a holder that just
 * gave a market up, and a holder cut off from the cluster past its lease (it stops streaming when it can no
 * longer renew, see {@code MarketLeaseVerticle}). For both the rule is the one the engine already applies: a
 * snapshot is authoritative and replaces the book; the handing-over instance's stale mark is published before
 * its lease is released, so it reaches the monitor before the new holder's snapshot can. A shared-venue feed
 * reports its own disconnect as stale books of its own markets only
 * ({@code feed.SharedVenueListener}), never as the whole venue being down.
 */
package com.doubletime.cluster;
