package com.doubletime.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.doubletime.domain.Direction;
import com.doubletime.domain.Leg;
import com.doubletime.domain.Opportunity;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.ReturnOnCapital;
import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.OpportunityEvent;
import io.vertx.core.buffer.Buffer;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpportunityEventCodecTest extends RecordCodecContract<OpportunityEvent> {
    private final OpportunityEventCodec foundCodec = new OpportunityEventCodec(ArbitrageOpportunityFound.class);
    private final OpportunityEventCodec closedCodec = new OpportunityEventCodec(ArbitrageOpportunityClosed.class);

    @Override
    protected RecordCodec<OpportunityEvent> codec() {
        return foundCodec;
    }

    @Override
    protected List<OpportunityEvent> samples() {
        Opportunity opportunity = new Opportunity(
                "rain",
                Direction.KALSHI_YES_POLYMARKET_NO,
                10,
                new Leg(Platform.KALSHI, Outcome.YES, "KX", 400_000, new BigDecimal("4"), new BigDecimal("0.17")),
                new Leg(Platform.POLYMARKET, Outcome.NO, "52", 500_000, new BigDecimal("5"), BigDecimal.ZERO),
                new BigDecimal("9.17"),
                new BigDecimal("0.83"),
                new BigDecimal("0.083"),
                1L,
                2L);
        return List.of(
                new ArbitrageOpportunityFound("rain:KALSHI_YES_POLYMARKET_NO:1", opportunity, 3L),
                new ArbitrageOpportunityClosed(
                        "rain:KALSHI_YES_POLYMARKET_NO:1", "rain", Direction.KALSHI_YES_POLYMARKET_NO, 4L, 5L));
    }

    @Test
    void aFoundOpportunityKeepsItsExactMoneyOverTheWire() {
        Opportunity opportunity = new Opportunity(
                "fed-dec",
                Direction.KALSHI_NO_POLYMARKET_YES,
                171,
                new Leg(
                        Platform.KALSHI,
                        Outcome.NO,
                        "KXFED-26DEC-C25",
                        280_000,
                        new BigDecimal("47.880000"),
                        new BigDecimal("2.10")),
                new Leg(
                        Platform.POLYMARKET,
                        Outcome.YES,
                        "7132104567925221259462638553270691275033272857194253228937931245",
                        680_000,
                        new BigDecimal("116.280000"),
                        new BigDecimal("0.00001")),
                new BigDecimal("166.26001"),
                new BigDecimal("4.73999"),
                new BigDecimal("0.027719"),
                11L,
                12L);
        ArbitrageOpportunityFound found = new ArbitrageOpportunityFound(
                "fed-dec:KALSHI_NO_POLYMARKET_YES:1", opportunity, 1_764_000_000_000_000_000L);

        assertEquals(found, roundTrip(foundCodec, found));
        // BigDecimal equality includes the scale: "2.10" must not come back as "2.1"
        assertEquals(
                new BigDecimal("2.10"),
                ((ArbitrageOpportunityFound) roundTrip(foundCodec, found))
                        .opportunity()
                        .kalshi()
                        .fee());
        assertSame(found, foundCodec.transform(found));

        ArbitrageOpportunityFound withReturn = found.withReturnOnCapital(
                new ReturnOnCapital(1_797_418_500_000L, new BigDecimal("12.1215"), new BigDecimal("0.707382")));
        assertEquals(withReturn, roundTrip(foundCodec, withReturn));
    }

    @Test
    void aClosedOpportunityToo() {
        ArbitrageOpportunityClosed closed = new ArbitrageOpportunityClosed(
                "rain:KALSHI_YES_POLYMARKET_NO:3",
                "rain",
                Direction.KALSHI_YES_POLYMARKET_NO,
                2_500_000_000L,
                1_764_000_002_500_000_000L);

        assertEquals(closed, roundTrip(closedCodec, closed));
    }

    @Test
    void eachEventClassHasItsOwnCodecName() {
        assertNotEquals(foundCodec.name(), closedCodec.name());
    }

    private static OpportunityEvent roundTrip(OpportunityEventCodec codec, OpportunityEvent event) {
        Buffer buffer = Buffer.buffer().appendInt(42);
        codec.encodeToWire(buffer, event);
        return codec.decodeFromWire(4, buffer);
    }
}
