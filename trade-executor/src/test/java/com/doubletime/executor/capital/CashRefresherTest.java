package com.doubletime.executor.capital;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.capital.VenueCash;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.LegPurpose;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.OrderEventKind;
import com.doubletime.executor.fixtures.FakeVenue;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.fixtures.VirtualTime;
import com.doubletime.executor.lifecycle.MarketBoard;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Live cash reads: on the timer, after a refusal for funds, one read per venue at a time with one more after it. */
class CashRefresherTest {
    private final VirtualTime time = new VirtualTime(Fixtures.T0);
    private final FakeVenue kalshi = new FakeVenue(Platform.KALSHI);
    private final FakeVenue polymarket = new FakeVenue(Platform.POLYMARKET);
    private final CapitalDesk desk =
            new CapitalDesk(ExecutionMode.LIVE, CapitalSettings.DEFAULT, new MarketBoard(), time);
    private final CashRefresher reads = new CashRefresher(
            Map.of(Platform.KALSHI, kalshi, Platform.POLYMARKET, polymarket), desk, time, time, 1_000);

    @Test
    void readsBothVenuesAtStartAndThenOnTheTimer() {
        reads.readAll();
        time.runQueued();
        assertEquals(1, kalshi.cashReads.get());
        assertTrue(desk.unknownBecause() == null);

        reads.start();
        time.advanceMillis(2_000);

        assertEquals(3, kalshi.cashReads.get());
        assertEquals(3, polymarket.cashReads.get());
    }

    @Test
    void aRefusalForFundsReadsThatVenueAgainAndARefreshDuringAReadRunsOnceMoreAfterIt() {
        List<CompletableFuture<VenueCash>> answers = new ArrayList<>();
        kalshi.onCash = () -> {
            CompletableFuture<VenueCash> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        };
        reads.orderEvent(refused("insufficient_balance: Insufficient balance"));
        reads.orderEvent(refused("insufficient_balance: again"));
        reads.orderEvent(refused("market_closed: not about money"));
        assertEquals(1, kalshi.cashReads.get(), "one read at a time");

        answers.get(0).complete(VenueCash.kalshi(new BigDecimal("5"), List.of(), 0));
        time.runQueued();

        assertEquals(2, kalshi.cashReads.get(), "the refresh asked for during the read runs after it");
        assertEquals(0, polymarket.cashReads.get());
        assertTrue(CashRefresher.refusedForFunds("not enough balance / allowance"));
        assertFalse(CashRefresher.refusedForFunds(null));
    }

    @Test
    void aFailedReadKeepsTheVenueUnknownWithTheReason() {
        kalshi.onCash = () -> CompletableFuture.failedFuture(new IllegalStateException("HTTP 503"));

        reads.readAll();
        time.runQueued();

        assertTrue(desk.unknownBecause().contains("last read failed: HTTP 503"), desk.unknownBecause());
    }

    private static OrderEvent refused(String detail) {
        return new OrderEvent(
                "e-" + detail.hashCode(),
                "t1",
                OrderEventKind.ACKNOWLEDGED,
                LegPurpose.ENTRY,
                Platform.KALSHI,
                "c1",
                null,
                OrderAction.BUY,
                Outcome.YES,
                Fixtures.TICKER,
                420_000,
                1_000_000,
                OrderStatus.REJECTED,
                0,
                -1,
                BigDecimal.ZERO,
                detail,
                0);
    }
}
