package com.doubletime.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.bus.protocol.MarketsQuery;
import com.doubletime.bus.protocol.MarketsReport;
import com.doubletime.domain.Direction;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Levels;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Polarity;
import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.OpportunityEvent;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.domain.event.PairsChanged;
import com.doubletime.domain.event.VenueDisconnected;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(30)
class MonitorVerticleTest {
    private static final MarketPair PAIR = new MarketPair(
            "fed-cut",
            "",
            "KX",
            FixedPoint.parse("0.07"),
            "0xc",
            "YES",
            "NO",
            0,
            FixedPoint.parse("0.01"),
            0,
            false,
            Polarity.SAME,
            FixedPoint.parse("0.01"),
            MarketPair.UNLIMITED);

    private final BlockingQueue<OpportunityEvent> opportunities = new LinkedBlockingQueue<>();
    private Vertx vertx;

    @BeforeEach
    void deploy(Vertx vertx) throws Exception {
        this.vertx = vertx;
        BusCodecs.registerAll(vertx.eventBus());
        vertx.eventBus()
                .<OpportunityEvent>consumer(Addresses.OPPORTUNITIES, m -> opportunities.add(m.body()))
                .completion()
                .await(5, TimeUnit.SECONDS);
        vertx.deployVerticle(new MonitorVerticle(List.of(PAIR))).await(5, TimeUnit.SECONDS);
    }

    private static Levels levels(String price, String size) {
        return new Levels(new long[] {FixedPoint.parse(price)}, new long[] {FixedPoint.parse(size)});
    }

    /** Kalshi YES ask 0.40 (a NO bid at 0.60) and Polymarket NO ask 0.50: 0.90 + 0.0168 fee < 0.99. */
    private void publishOpenWindow() {
        vertx.eventBus()
                .publish(
                        Addresses.MARKET_DATA,
                        new MarketDataBatch(
                                Platform.KALSHI,
                                1,
                                List.of(new OrderBookSnapshotReceived(
                                        Platform.KALSHI, "KX", levels("0.30", "100"), levels("0.40", "100"), 1))));
        vertx.eventBus()
                .publish(
                        Addresses.MARKET_DATA,
                        new MarketDataBatch(
                                Platform.POLYMARKET,
                                2,
                                List.of(
                                        new OrderBookSnapshotReceived(
                                                Platform.POLYMARKET,
                                                "YES",
                                                levels("0.49", "100"),
                                                levels("0.75", "100"),
                                                2),
                                        new OrderBookSnapshotReceived(
                                                Platform.POLYMARKET,
                                                "NO",
                                                levels("0.45", "100"),
                                                levels("0.50", "100"),
                                                2))));
    }

    @Test
    void aBatchThatOpensAWindowPublishesAnOpportunityFound() throws Exception {
        publishOpenWindow();

        OpportunityEvent event = opportunities.poll(5, TimeUnit.SECONDS);

        assertNotNull(event, "no opportunity published");
        ArbitrageOpportunityFound found = (ArbitrageOpportunityFound) event;
        assertEquals("fed-cut", found.pairId());
        assertEquals(Direction.KALSHI_YES_POLYMARKET_NO, found.direction());
        assertEquals(100, found.opportunity().quantity());
        assertEquals(FixedPoint.parse("0.40"), found.opportunity().kalshi().limitPrice());
        assertEquals(FixedPoint.parse("0.50"), found.opportunity().polymarket().limitPrice());
        assertEquals(2, found.detectedAtNanos(), "detected at the receive time of the frame that opened it");
        assertEquals(null, opportunities.poll(200, TimeUnit.MILLISECONDS), "one event per change");
    }

    @Test
    void opportunityIdsAreUniqueAcrossRestartsOfTheMonitor() throws Exception {
        publishOpenWindow();
        String first = opportunities.poll(5, TimeUnit.SECONDS).id();
        for (String deployment : List.copyOf(vertx.deploymentIDs())) {
            vertx.undeploy(deployment).await(5, TimeUnit.SECONDS);
        }
        Thread.sleep(2); // the run is told apart by its start instant, in milliseconds

        vertx.deployVerticle(new MonitorVerticle(List.of(PAIR))).await(5, TimeUnit.SECONDS);
        publishOpenWindow();
        String second = opportunities.poll(5, TimeUnit.SECONDS).id();

        // before: both runs opened fed-cut:KALSHI_YES_POLYMARKET_NO:1
        assertTrue(first.matches("fed-cut:KALSHI_YES_POLYMARKET_NO:[0-9]+-1"), first);
        assertTrue(second.matches("fed-cut:KALSHI_YES_POLYMARKET_NO:[0-9]+-1"), second);
        assertNotEquals(first, second);
    }

    @Test
    void aVenueDisconnectClosesTheOpportunity() throws Exception {
        publishOpenWindow();
        assertTrue(opportunities.poll(5, TimeUnit.SECONDS) instanceof ArbitrageOpportunityFound);

        vertx.eventBus()
                .publish(
                        Addresses.MARKET_DATA,
                        new MarketDataBatch(
                                Platform.POLYMARKET,
                                10,
                                List.of(new VenueDisconnected(Platform.POLYMARKET, "closed", 10))));

        ArbitrageOpportunityClosed closed = (ArbitrageOpportunityClosed) opportunities.poll(5, TimeUnit.SECONDS);
        assertNotNull(closed, "no close published");
        assertEquals("fed-cut", closed.pairId());
        assertEquals(8, closed.lifetimeNanos());
    }

    @Test
    void describesAnOpportunityInOneLogLine() throws Exception {
        publishOpenWindow();
        OpportunityEvent event = opportunities.poll(5, TimeUnit.SECONDS);

        String line = MonitorVerticle.describe(event);

        assertEquals(
                "opportunity fed-cut KALSHI_YES_POLYMARKET_NO qty=100 kalshi@0.40 polymarket@0.50 edge=8.320000 "
                        + "(0.083200/contract)",
                line);
    }

    @Test
    void aPairRemovedThroughTheApiClosesItsOpportunityAndIsNoLongerShown() throws Exception {
        publishOpenWindow();
        assertTrue(opportunities.poll(5, TimeUnit.SECONDS) instanceof ArbitrageOpportunityFound);

        vertx.eventBus().publish(Addresses.PAIRS_CHANGED, new PairsChanged(List.of(), List.of(), List.of(PAIR)));

        ArbitrageOpportunityClosed closed = (ArbitrageOpportunityClosed) opportunities.poll(5, TimeUnit.SECONDS);
        assertNotNull(closed, "no close published");
        MarketsReport markets = vertx.eventBus()
                .<MarketsReport>request(Addresses.MARKETS_QUERY, MarketsQuery.INSTANCE)
                .await(5, TimeUnit.SECONDS)
                .body();
        assertEquals(0, markets.markets().size());
    }

    @Test
    void answersBestAsksAndGrossEdgePerPair() throws Exception {
        publishOpenWindow();
        assertTrue(opportunities.poll(5, TimeUnit.SECONDS) instanceof ArbitrageOpportunityFound);

        MarketsReport.MarketQuote market = vertx.eventBus()
                .<MarketsReport>request(Addresses.MARKETS_QUERY, MarketsQuery.INSTANCE)
                .await(5, TimeUnit.SECONDS)
                .body()
                .markets()
                .get(0);

        assertEquals(PAIR.id(), market.pairId());
        assertTrue(market.fresh());
        assertNotEquals(MarketsReport.NONE, market.grossEdge().get(Direction.KALSHI_YES_POLYMARKET_NO));
    }
}
