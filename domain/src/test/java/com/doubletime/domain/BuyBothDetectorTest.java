package com.doubletime.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hand-computed cases of contracts §6. */
class BuyBothDetectorTest {
    private final Orderbook kalshi = new Orderbook(Platform.KALSHI, "KX");
    private final Orderbook yes = new Orderbook(Platform.POLYMARKET, "YES");
    private final Orderbook no = new Orderbook(Platform.POLYMARKET, "NO");

    private static long d(String decimal) {
        return FixedPoint.parse(decimal);
    }

    private static MarketPair pair(
            Polarity polarity,
            String kalshiRate,
            String polyRate,
            String minEdge,
            String maxQuantity,
            String minOrderSize) {
        return new MarketPair(
                "p",
                "",
                "KX",
                d(kalshiRate),
                "0xc",
                "YES",
                "NO",
                d(polyRate),
                d("0.01"),
                d(minOrderSize),
                false,
                polarity,
                d(minEdge),
                maxQuantity == null ? MarketPair.UNLIMITED : d(maxQuantity));
    }

    /** Kalshi book from venue terms: YES bids and NO bids as [price, size] pairs. */
    private void kalshiBook(String[][] yesBids, String[][] noBids) {
        LevelBuffer bids = new LevelBuffer();
        LevelBuffer asks = new LevelBuffer();
        for (String[] level : yesBids) {
            bids.add(d(level[0]), d(level[1]));
        }
        for (String[] level : noBids) {
            asks.add(FixedPoint.ONE - d(level[0]), d(level[1]));
        }
        kalshi.applySnapshot(bids, asks, 1);
    }

    private static void tokenAsks(Orderbook book, String[]... asks) {
        LevelBuffer levels = new LevelBuffer();
        for (String[] level : asks) {
            levels.add(d(level[0]), d(level[1]));
        }
        book.applySnapshot(new LevelBuffer(), levels, 2);
    }

    private Opportunity evaluate(MarketPair pair, Direction direction) {
        return BuyBothDetector.evaluate(new MarketState(pair, kalshi, yes, no), direction);
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(
                0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    @Test
    void reproducesTheContractExample() {
        kalshiBook(new String[][] {{"0.30", "10"}}, new String[][] {{"0.58", "120"}});
        tokenAsks(no, new String[] {"0.53", "200"});
        tokenAsks(yes, new String[] {"0.60", "100"});
        Opportunity o =
                evaluate(pair(Polarity.SAME, "0.07", "0.04", "0.01", "500", "5"), Direction.KALSHI_YES_POLYMARKET_NO);
        assertNotNull(o);
        assertEquals(120, o.quantity());
        assertEquals(d("0.42"), o.kalshi().limitPrice());
        assertEquals(Outcome.YES, o.kalshi().outcome());
        assertMoney("50.4", o.kalshi().cost());
        assertMoney("2.05", o.kalshi().fee());
        assertEquals(Outcome.NO, o.polymarket().outcome());
        assertEquals("NO", o.polymarket().instrument());
        assertEquals(d("0.53"), o.polymarket().limitPrice());
        assertMoney("63.6", o.polymarket().cost());
        assertMoney("1.19568", o.polymarket().fee());
        assertMoney("117.24568", o.totalCost());
        assertMoney("2.75432", o.edge());
        assertMoney("0.022952", o.edgePerContract());
    }

    @Test
    void walksSeveralLevelsAndStopsAtTheFirstUnprofitableBlock() {
        kalshiBook(new String[][] {}, new String[][] {{"0.60", "10"}, {"0.55", "20"}});
        tokenAsks(no, new String[] {"0.50", "15"}, new String[] {"0.54", "30"});
        tokenAsks(yes, new String[] {"0.99", "1"});
        Opportunity o = evaluate(pair(Polarity.SAME, "0.07", "0", "0", null, "0"), Direction.KALSHI_YES_POLYMARKET_NO);
        assertNotNull(o);
        assertEquals(15, o.quantity());
        assertEquals(d("0.45"), o.kalshi().limitPrice());
        assertMoney("6.25", o.kalshi().cost());
        assertMoney("0.26", o.kalshi().fee()); // 0.07 × (10·0.24 + 5·0.2475) = 0.254625, up to the cent
        assertEquals(d("0.50"), o.polymarket().limitPrice());
        assertMoney("7.50", o.polymarket().cost());
        assertMoney("0", o.polymarket().fee());
        assertMoney("14.01", o.totalCost());
        assertMoney("0.99", o.edge());
        assertMoney("0.066", o.edgePerContract());
    }

    @Test
    void buysKalshiNoFromMirroredYesBids() {
        kalshiBook(new String[][] {{"0.60", "50"}}, new String[][] {{"0.10", "5"}});
        tokenAsks(yes, new String[] {"0.55", "80"});
        tokenAsks(no, new String[] {"0.99", "80"});
        Opportunity o = evaluate(pair(Polarity.SAME, "0", "0", "0", null, "0"), Direction.KALSHI_NO_POLYMARKET_YES);
        assertNotNull(o);
        assertEquals(50, o.quantity());
        assertEquals(Outcome.NO, o.kalshi().outcome());
        assertEquals(d("0.40"), o.kalshi().limitPrice());
        assertEquals(Outcome.YES, o.polymarket().outcome());
        assertEquals("YES", o.polymarket().instrument());
        assertMoney("2.5", o.edge());
        assertNull(evaluate(pair(Polarity.SAME, "0", "0", "0", null, "0"), Direction.KALSHI_YES_POLYMARKET_NO));
    }

    @Test
    void inversePolarityHedgesWithTheSameNamedToken() {
        // Kalshi YES pays when Polymarket NO pays, so Kalshi YES is hedged by Polymarket YES.
        kalshiBook(new String[][] {}, new String[][] {{"0.60", "10"}});
        tokenAsks(yes, new String[] {"0.50", "10"});
        tokenAsks(no, new String[] {"0.10", "10"});
        Opportunity o = evaluate(pair(Polarity.INVERSE, "0", "0", "0", null, "0"), Direction.KALSHI_YES_POLYMARKET_NO);
        assertNotNull(o);
        assertEquals(Outcome.YES, o.polymarket().outcome());
        assertEquals("YES", o.polymarket().instrument());
        assertEquals(d("0.50"), o.polymarket().limitPrice());
        assertMoney("1", o.edge());
    }

    @Test
    void kalshiFeeIsRoundedUpOnceOnTheOrderNotPerContract() {
        kalshiBook(new String[][] {}, new String[][] {{"0.95", "3"}});
        tokenAsks(no, new String[] {"0.90", "3"});
        tokenAsks(yes, new String[] {"0.99", "3"});
        Opportunity o = evaluate(pair(Polarity.SAME, "0.07", "0", "0", null, "0"), Direction.KALSHI_YES_POLYMARKET_NO);
        assertNotNull(o);
        assertMoney("0.01", o.kalshi().fee()); // 3 × 0.003325 = 0.009975 → 0.01, not 3 × 0.01
    }

    @Test
    void polymarketFeeIsRoundedUpToATenThousandthOfACent() {
        kalshiBook(new String[][] {}, new String[][] {{"0.60", "1"}});
        tokenAsks(no, new String[] {"0.53", "1"});
        tokenAsks(yes, new String[] {"0.99", "1"});
        Opportunity o = evaluate(pair(Polarity.SAME, "0", "0.04", "0", null, "0"), Direction.KALSHI_YES_POLYMARKET_NO);
        assertNotNull(o);
        assertMoney("0.00997", o.polymarket().fee()); // 0.04 × 0.53 × 0.47 = 0.009964
    }

    @Test
    void minEdgeStopsTheWalkBeforeThinBlocks() {
        kalshiBook(new String[][] {}, new String[][] {{"0.60", "10"}, {"0.52", "10"}});
        tokenAsks(no, new String[] {"0.50", "100"});
        tokenAsks(yes, new String[] {"0.99", "1"});
        // blocks cost 0.90 then 0.98 per pair: with minEdge 0.05 only the first is taken
        Opportunity o = evaluate(pair(Polarity.SAME, "0", "0", "0.05", null, "0"), Direction.KALSHI_YES_POLYMARKET_NO);
        assertEquals(10, o.quantity());
        Opportunity none =
                evaluate(pair(Polarity.SAME, "0", "0", "0.11", null, "0"), Direction.KALSHI_YES_POLYMARKET_NO);
        assertNull(none);
    }

    @Test
    void maxQuantityCapsTheSize() {
        kalshiBook(new String[][] {}, new String[][] {{"0.60", "100"}});
        tokenAsks(no, new String[] {"0.50", "100"});
        tokenAsks(yes, new String[] {"0.99", "1"});
        Opportunity o = evaluate(pair(Polarity.SAME, "0", "0", "0", "25.5", "0"), Direction.KALSHI_YES_POLYMARKET_NO);
        assertEquals(25, o.quantity());
    }

    @Test
    void fractionalSizesAreRoundedDownToWholeContracts() {
        kalshiBook(new String[][] {}, new String[][] {{"0.60", "10.75"}});
        tokenAsks(no, new String[] {"0.50", "24.64"});
        tokenAsks(yes, new String[] {"0.99", "1"});
        Opportunity o = evaluate(pair(Polarity.SAME, "0", "0", "0", null, "0"), Direction.KALSHI_YES_POLYMARKET_NO);
        assertEquals(10, o.quantity());
    }

    @Test
    void noOpportunityBelowPolymarketMinimumOrderSize() {
        kalshiBook(new String[][] {}, new String[][] {{"0.60", "4"}});
        tokenAsks(no, new String[] {"0.50", "100"});
        tokenAsks(yes, new String[] {"0.99", "1"});
        assertNull(evaluate(pair(Polarity.SAME, "0", "0", "0", null, "5"), Direction.KALSHI_YES_POLYMARKET_NO));
        assertNotNull(evaluate(pair(Polarity.SAME, "0", "0", "0", null, "4"), Direction.KALSHI_YES_POLYMARKET_NO));
    }

    @Test
    void noOpportunityWhenRoundedFeesEatTheEdge() {
        kalshiBook(new String[][] {}, new String[][] {{"0.50", "1"}});
        tokenAsks(no, new String[] {"0.495", "1"});
        tokenAsks(yes, new String[] {"0.99", "1"});
        // marginal 0.9975 passes, but the Kalshi fee 0.0025 rounds up to 0.01: edge −0.005
        assertNull(evaluate(pair(Polarity.SAME, "0.01", "0", "0", null, "0"), Direction.KALSHI_YES_POLYMARKET_NO));
    }

    @Test
    void noOpportunityOnAStaleBook() {
        kalshiBook(new String[][] {}, new String[][] {{"0.60", "10"}});
        tokenAsks(no, new String[] {"0.50", "10"});
        tokenAsks(yes, new String[] {"0.99", "1"});
        MarketPair pair = pair(Polarity.SAME, "0", "0", "0", null, "0");
        assertNotNull(evaluate(pair, Direction.KALSHI_YES_POLYMARKET_NO));
        kalshi.markStale();
        assertNull(evaluate(pair, Direction.KALSHI_YES_POLYMARKET_NO));
    }

    @Test
    void noOpportunityBeforeEveryBookHasASnapshot() {
        kalshiBook(new String[][] {}, new String[][] {{"0.60", "10"}});
        tokenAsks(no, new String[] {"0.50", "10"});
        assertNull(evaluate(pair(Polarity.SAME, "0", "0", "0", null, "0"), Direction.KALSHI_YES_POLYMARKET_NO));
    }

    @Test
    void noOpportunityWhenPricesSumToOne() {
        kalshiBook(new String[][] {}, new String[][] {{"0.50", "10"}});
        tokenAsks(no, new String[] {"0.50", "10"});
        tokenAsks(yes, new String[] {"0.99", "1"});
        assertNull(evaluate(pair(Polarity.SAME, "0", "0", "0", null, "0"), Direction.KALSHI_YES_POLYMARKET_NO));
    }

    /** Random books, ticks, sizes, rates and limits: the integer pricing gives the BigDecimal pricing's records. */
    @Test
    void integerPricingGivesExactlyTheBigDecimalPricingsNumbersAndScales() {
        Random random = new Random(17);
        int opportunities = 0;
        for (int round = 0; round < 20_000; round++) {
            long tick = TICKS[random.nextInt(TICKS.length)];
            kalshi.applySnapshot(new LevelBuffer(), randomAsks(random, tick, 2, 4), 1);
            yes.applySnapshot(new LevelBuffer(), randomAsks(random, tick, 6, 4), 2);
            no.applySnapshot(new LevelBuffer(), randomAsks(random, tick, 6, 4), 2);
            MarketPair pair = new MarketPair(
                    "p",
                    "",
                    "KX",
                    randomRate(random),
                    "0xc",
                    "YES",
                    "NO",
                    randomRate(random),
                    tick,
                    FixedPoint.ONE,
                    false,
                    random.nextBoolean() ? Polarity.SAME : Polarity.INVERSE,
                    random.nextInt(30_001),
                    random.nextInt(4) == 0 ? MarketPair.UNLIMITED : (1 + random.nextInt(5_000)) * FixedPoint.ONE);
            MarketState state = new MarketState(pair, kalshi, yes, no);
            for (Direction direction : Direction.values()) {
                Opportunity exact = BuyBothDetector.evaluateExact(state, direction);
                assertEquals(
                        exact, BuyBothDetector.evaluate(state, direction), () -> "pair " + pair + ", " + direction);
                opportunities += exact == null ? 0 : 1;
            }
        }
        assertTrue(opportunities > 5_000, "the random books open enough windows: " + opportunities);
    }

    @Test
    void sizesBeyondWhatALongHoldsArePricedExactlyInBigDecimal() {
        // 9 billion contracts at 0.40 and 0.45: a cost of 10⁻¹² dollars no longer fits a long
        kalshiBook(new String[][] {}, new String[][] {{"0.60", "9000000000"}});
        tokenAsks(no, new String[] {"0.45", "9000000000"});
        tokenAsks(yes, new String[] {"0.90", "10"});
        MarketState state = new MarketState(pair(Polarity.SAME, "0.07", "0.04", "0", null, "1"), kalshi, yes, no);

        Opportunity o = BuyBothDetector.evaluate(state, Direction.KALSHI_YES_POLYMARKET_NO);

        assertNotNull(o);
        assertEquals(9_000_000_000L, o.quantity());
        assertEquals(BuyBothDetector.evaluateExact(state, Direction.KALSHI_YES_POLYMARKET_NO), o);
    }

    private static final long[] TICKS = {10_000, 1_000, 100};

    /** Ascending asks on {@code tick} below 0.6, sizes with up to {@code sizeDecimals} decimals. */
    private static LevelBuffer randomAsks(Random random, long tick, int sizeDecimals, int maxLevels) {
        LevelBuffer asks = new LevelBuffer();
        long price = tick * (1 + random.nextInt((int) (400_000 / tick)));
        int levels = 1 + random.nextInt(maxLevels);
        for (int level = 0; level < levels && price < FixedPoint.ONE; level++) {
            long unit = VenueFees.POWERS_OF_TEN[FixedPoint.DECIMALS - sizeDecimals];
            long size = unit * (1 + random.nextInt(random.nextBoolean() ? 50 : 2_000_000));
            asks.add(price, size);
            price += tick * (1 + random.nextInt(5));
        }
        return asks;
    }

    /** 0 to 0.1 with six decimals, or one of the venues' published rates. */
    private static long randomRate(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 70_000;
            case 1 -> 17_500;
            case 2 -> 0;
            default -> random.nextInt(100_001);
        };
    }
}
