package com.doubletime.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.Direction;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.OpportunityEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LocalTradingPathTest {
    private static final MarketDataBatch BATCH = new MarketDataBatch(Platform.KALSHI, 1L, List.of());
    private static final OpportunityEvent CLOSED = new ArbitrageOpportunityClosed(
            "p:KALSHI_YES_POLYMARKET_NO:1", "p", Direction.KALSHI_YES_POLYMARKET_NO, 5, 6);

    @Test
    void aBatchReachesTheExecutorsBooksBeforeTheMonitorAndAnOpportunityTheExecutorInTheSameCall() {
        LocalTradingPath path = new LocalTradingPath();
        path.bind();
        List<String> calls = new ArrayList<>();
        path.onMarketData(batch -> {
            calls.add("monitor");
            path.opportunity(CLOSED);
        });
        path.onBooks(batch -> calls.add("books"));
        path.onOpportunity(event -> calls.add("executor " + event.id()));

        path.marketData(BATCH);

        assertEquals(List.of("books", "monitor", "executor p:KALSHI_YES_POLYMARKET_NO:1"), calls);
    }

    @Test
    void refusesAHandOffFromAnotherThreadOrBeforeItIsBound() throws Exception {
        LocalTradingPath path = new LocalTradingPath();
        IllegalStateException unbound = assertThrows(IllegalStateException.class, () -> path.marketData(BATCH));
        assertTrue(unbound.getMessage().contains("not bound"), unbound.getMessage());

        path.bind();
        AtomicReference<Throwable> refused = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                path.opportunity(CLOSED);
            } catch (IllegalStateException e) {
                refused.set(e);
            }
        });
        other.start();
        other.join();
        assertTrue(
                refused.get()
                        .getMessage()
                        .contains("runs on " + Thread.currentThread().getName() + " only"),
                String.valueOf(refused.get()));
        Thread rebind = new Thread(path::bind);
        AtomicReference<Throwable> rebound = new AtomicReference<>();
        rebind.setUncaughtExceptionHandler((thread, e) -> rebound.set(e));
        rebind.start();
        rebind.join();
        assertTrue(rebound.get() instanceof IllegalStateException, String.valueOf(rebound.get()));
    }

    @Test
    void aReceiverThatThrowsIsCountedAndTheOthersStillGetTheBatch() {
        LocalTradingPath path = new LocalTradingPath();
        path.bind();
        List<MarketDataBatch> monitored = new ArrayList<>();
        path.onBooks(batch -> {
            throw new IllegalStateException("broken book");
        });
        path.onMarketData(monitored::add);

        path.marketData(BATCH);

        assertEquals(List.of(BATCH), monitored);
        assertEquals(1, path.failures());
    }
}
