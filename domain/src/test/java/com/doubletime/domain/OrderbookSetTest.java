package com.doubletime.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderbookSetTest {
    private static final long NANOS = 1_000;

    @Test
    void republishSendsASnapshotOfEveryFreshBookAsHeldAndLeavesStaleOnesOut() {
        OrderbookSet books = new OrderbookSet();
        books.applySnapshot(Platform.KALSHI, "A", levels(420_000, 10_000_000), levels(460_000, 5_000_000), NANOS);
        books.changeLevel(Platform.KALSHI, "A", Side.BID, 420_000, 2_000_000, NANOS);
        books.applySnapshot(Platform.KALSHI, "B", levels(300_000, 1_000_000), levels(), NANOS);
        books.markStale(Platform.KALSHI, "B");
        books.applySnapshot(Platform.POLYMARKET, "101", levels(500_000, 1_000_000), levels(), NANOS);
        List<String> seen = new ArrayList<>();
        MarketDataListener recorder = new Recorder(seen);

        int sent = books.republish(Platform.KALSHI, recorder, 2 * NANOS);

        assertEquals(1, sent);
        assertEquals(List.of("snapshot KALSHI A bids 420000x12000000 asks 460000x5000000 @2000", "end KALSHI"), seen);
    }

    private static LevelBuffer levels(long... priceSize) {
        LevelBuffer buffer = new LevelBuffer();
        for (int i = 0; i < priceSize.length; i += 2) {
            buffer.add(priceSize[i], priceSize[i + 1]);
        }
        return buffer;
    }

    private record Recorder(List<String> seen) implements MarketDataListener {
        @Override
        public void onSnapshot(Platform platform, String instrument, LevelBuffer bids, LevelBuffer asks, long atNanos) {
            seen.add("snapshot " + platform + " " + instrument + " bids " + text(bids) + " asks " + text(asks) + " @"
                    + atNanos);
        }

        private static String text(LevelBuffer levels) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < levels.count(); i++) {
                text.append(i == 0 ? "" : ",")
                        .append(levels.price(i))
                        .append('x')
                        .append(levels.size(i));
            }
            return text.toString();
        }

        @Override
        public void onLevelSet(Platform platform, String instrument, Side side, long price, long size, long atNanos) {
            seen.add("set");
        }

        @Override
        public void onLevelChange(
                Platform platform, String instrument, Side side, long price, long delta, long atNanos) {
            seen.add("change");
        }

        @Override
        public void onStale(Platform platform, String instrument, String reason, long atNanos) {
            seen.add("stale");
        }

        @Override
        public void onVenueDisconnected(Platform platform, String reason, long atNanos) {
            seen.add("disconnected");
        }

        @Override
        public void onFrameEnd(Platform platform, long atNanos) {
            seen.add("end " + platform);
        }
    }
}
