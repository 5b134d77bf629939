package com.doubletime.executor;

import com.doubletime.domain.BuyBothDetector;
import com.doubletime.domain.Direction;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Levels;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.MarketState;
import com.doubletime.domain.Opportunity;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Polarity;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.domain.trade.ExecutionMode;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * One pair and its books as used across the executor tests.
 *
 * <p>Kalshi YES asks 0.40×50, 0.42×100 and Polymarket NO asks 0.52×80, 0.53×100 (rates 0.07 / 0.04,
 * min edge 0.01) give, by contracts §6, 150 contracts: Kalshi 50@0.40 + 100@0.42 = $62.00, fee
 * 0.07 × 36.36 = 2.5452 → $2.55; Polymarket 80@0.52 + 70@0.53 = $78.70, fee 0.04 × 37.405 = $1.49620;
 * total $144.74620, edge $5.25380.
 */
final class Fixtures {
    static final String PAIR_ID = "fed-cut-dec26";
    static final String TICKER = "KXFEDDECISION-26DEC-C25";
    static final String YES_TOKEN = "7132";
    static final String NO_TOKEN = "5211";
    static final long T0 = 1_764_054_000_000_000_000L;
    static final MarketPair PAIR = new MarketPair(
            PAIR_ID,
            "Fed cuts in December",
            TICKER,
            fp("0.07"),
            "0xcond",
            YES_TOKEN,
            NO_TOKEN,
            fp("0.04"),
            fp("0.01"),
            fp("5"),
            false,
            Polarity.SAME,
            fp("0.01"),
            MarketPair.UNLIMITED);

    private Fixtures() {}

    static long fp(String decimal) {
        return FixedPoint.parse(decimal);
    }

    /** Levels from alternating price, size strings. */
    static Levels levels(String... priceSize) {
        long[] prices = new long[priceSize.length / 2];
        long[] sizes = new long[priceSize.length / 2];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = fp(priceSize[2 * i]);
            sizes[i] = fp(priceSize[2 * i + 1]);
        }
        return new Levels(prices, sizes);
    }

    /** Kalshi in YES terms: YES bids, and YES asks (= NO bids at 1 − p). */
    static OrderBookSnapshotReceived kalshi(Levels yesBids, Levels yesAsks, long atNanos) {
        return new OrderBookSnapshotReceived(Platform.KALSHI, TICKER, yesBids, yesAsks, atNanos);
    }

    static OrderBookSnapshotReceived polymarket(String token, Levels asks, long atNanos) {
        return new OrderBookSnapshotReceived(Platform.POLYMARKET, token, Levels.EMPTY, asks, atNanos);
    }

    /** The books of the class comment, all received at {@link #T0}. */
    static OrderbookSet standardBooks() {
        OrderbookSet books = new OrderbookSet();
        books.apply(kalshi(levels("0.38", "20"), levels("0.40", "50", "0.42", "100"), T0));
        books.apply(polymarket(NO_TOKEN, levels("0.52", "80", "0.53", "100"), T0));
        books.apply(polymarket(YES_TOKEN, levels("0.65", "10"), T0));
        return books;
    }

    /** What the monitor would publish for these books and direction (null when none). */
    static ArbitrageOpportunityFound detect(OrderbookSet books, Direction direction, String id, long atNanos) {
        MarketState state = new MarketState(
                PAIR,
                books.find(Platform.KALSHI, TICKER),
                books.find(Platform.POLYMARKET, YES_TOKEN),
                books.find(Platform.POLYMARKET, NO_TOKEN));
        Opportunity opportunity = BuyBothDetector.evaluate(state, direction);
        return opportunity == null ? null : new ArbitrageOpportunityFound(id, opportunity, atNanos);
    }

    static ExecutorConfig config(String maxNotional) {
        return new ExecutorConfig(ExecutionMode.PAPER, new BigDecimal(maxNotional), Path.of("unused.jsonl"));
    }
}
