package com.doubletime.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.LevelBuffer;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Side;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.LegOrder;
import com.doubletime.domain.trade.LevelFill;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a fill took stays out of both copies of the books, whatever the venue says of the level afterwards. */
class TakenLiquidityTest {
    private static final String TICKER = "KXT";
    private static final String TOKEN = "1001";
    private static final long ONE = FixedPoint.ONE;

    private final OrderbookSet detector = new OrderbookSet();
    private final OrderbookSet executor = new OrderbookSet();
    private final TakenLiquidity liquidity = new TakenLiquidity(detector, executor);

    private static long cents(int cents) {
        return cents * (ONE / 100);
    }

    private void snapshot(Platform platform, String instrument, long bidPrice, long bidSize, long askPrice, long ask) {
        LevelBuffer bids = new LevelBuffer();
        LevelBuffer asks = new LevelBuffer();
        bids.add(bidPrice, bidSize);
        asks.add(askPrice, ask);
        liquidity.onSnapshot(platform, instrument, bids, asks, 1);
    }

    private static LegFill bought(Platform platform, Outcome outcome, String instrument, long price, long size) {
        return new LegFill(
                new LegOrder(platform, outcome, instrument, price),
                size / ONE,
                size / ONE,
                List.of(new LevelFill(price, size)),
                BigDecimal.ZERO,
                BigDecimal.ZERO);
    }

    private long both(Platform platform, String instrument, Side side, long price) {
        long inDetector = detector.find(platform, instrument).ladder(side).sizeAt(price);
        assertEquals(
                inDetector, executor.find(platform, instrument).ladder(side).sizeAt(price), "both copies agree");
        return inDetector;
    }

    @Test
    void aKalshiLevelTakenThenChangedByTheVenueHoldsOnlyWhatTheChangesAdd() {
        snapshot(Platform.KALSHI, TICKER, cents(40), 100 * ONE, cents(45), 50 * ONE);

        liquidity.take(bought(Platform.KALSHI, Outcome.YES, TICKER, cents(45), 30 * ONE), OrderAction.BUY, 2);
        assertEquals(20 * ONE, both(Platform.KALSHI, TICKER, Side.ASK, cents(45)));

        liquidity.onLevelChange(Platform.KALSHI, TICKER, Side.ASK, cents(45), 10 * ONE, 3); // the venue: 60
        assertEquals(30 * ONE, both(Platform.KALSHI, TICKER, Side.ASK, cents(45)), "60 less the 30 we took");

        liquidity.onLevelChange(Platform.KALSHI, TICKER, Side.ASK, cents(45), -50 * ONE, 4); // the venue: 10
        assertEquals(0, both(Platform.KALSHI, TICKER, Side.ASK, cents(45)), "the others took what was left");
        assertEquals(1, liquidity.heldBack());

        liquidity.onLevelChange(Platform.KALSHI, TICKER, Side.ASK, cents(45), 5 * ONE, 5); // the venue: 15
        assertEquals(5 * ONE, both(Platform.KALSHI, TICKER, Side.ASK, cents(45)), "only the 5 added since");

        liquidity.onLevelChange(Platform.KALSHI, TICKER, Side.ASK, cents(45), -15 * ONE, 6); // emptied
        assertEquals(0, liquidity.heldBack(), "the venue emptied the level: nothing held back");
        liquidity.onLevelChange(Platform.KALSHI, TICKER, Side.ASK, cents(45), 40 * ONE, 7);
        assertEquals(40 * ONE, both(Platform.KALSHI, TICKER, Side.ASK, cents(45)));
    }

    @Test
    void aKalshiNoBuyTakesTheYesBidAtOneMinusItsPrice() {
        snapshot(Platform.KALSHI, TICKER, cents(40), 100 * ONE, cents(45), 50 * ONE);

        liquidity.take(bought(Platform.KALSHI, Outcome.NO, TICKER, cents(60), 70 * ONE), OrderAction.BUY, 2);

        assertEquals(
                30 * ONE, both(Platform.KALSHI, TICKER, Side.BID, cents(40)), "a NO ask at 0.60 is a YES bid 0.40");
        assertEquals(50 * ONE, both(Platform.KALSHI, TICKER, Side.ASK, cents(45)));
    }

    @Test
    void aPolymarketLevelSetAgainToWhatWeTookStaysTakenAndASnapshotEndsTheHold() {
        snapshot(Platform.POLYMARKET, TOKEN, cents(47), 100 * ONE, cents(50), 50 * ONE);
        liquidity.take(bought(Platform.POLYMARKET, Outcome.NO, TOKEN, cents(50), 50 * ONE), OrderAction.BUY, 2);
        assertEquals(0, both(Platform.POLYMARKET, TOKEN, Side.ASK, cents(50)));

        liquidity.onLevelSet(Platform.POLYMARKET, TOKEN, Side.ASK, cents(50), 50 * ONE, 3);
        assertEquals(0, both(Platform.POLYMARKET, TOKEN, Side.ASK, cents(50)), "the same 50 we took");
        liquidity.onLevelSet(Platform.POLYMARKET, TOKEN, Side.ASK, cents(50), 80 * ONE, 4);
        assertEquals(30 * ONE, both(Platform.POLYMARKET, TOKEN, Side.ASK, cents(50)), "30 new");

        snapshot(Platform.POLYMARKET, TOKEN, cents(47), 100 * ONE, cents(50), 80 * ONE);
        assertEquals(80 * ONE, both(Platform.POLYMARKET, TOKEN, Side.ASK, cents(50)), "a snapshot is the book");
        assertEquals(0, liquidity.heldBack());
    }

    @Test
    void aSellTakesTheBidsItHit() {
        snapshot(Platform.POLYMARKET, TOKEN, cents(47), 100 * ONE, cents(50), 50 * ONE);

        liquidity.take(bought(Platform.POLYMARKET, Outcome.NO, TOKEN, cents(47), 40 * ONE), OrderAction.SELL, 2);

        assertEquals(60 * ONE, both(Platform.POLYMARKET, TOKEN, Side.BID, cents(47)));
        assertEquals(1, liquidity.levelsTaken());
    }

    @Test
    void levelsNothingWasTakenFromPassThroughUnchanged() {
        snapshot(Platform.KALSHI, TICKER, cents(40), 100 * ONE, cents(45), 50 * ONE);
        liquidity.take(bought(Platform.KALSHI, Outcome.YES, TICKER, cents(45), 10 * ONE), OrderAction.BUY, 2);

        liquidity.onLevelChange(Platform.KALSHI, TICKER, Side.BID, cents(40), -25 * ONE, 3);
        liquidity.onLevelSet(Platform.KALSHI, TICKER, Side.ASK, cents(46), 9 * ONE, 4);

        assertEquals(75 * ONE, both(Platform.KALSHI, TICKER, Side.BID, cents(40)));
        assertEquals(9 * ONE, both(Platform.KALSHI, TICKER, Side.ASK, cents(46)));
        assertEquals(40 * ONE, both(Platform.KALSHI, TICKER, Side.ASK, cents(45)));
    }
}
