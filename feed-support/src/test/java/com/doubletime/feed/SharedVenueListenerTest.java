package com.doubletime.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.doubletime.domain.Platform;
import com.doubletime.domain.event.BookMarkedStale;
import com.doubletime.domain.event.MarketDataBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedVenueListenerTest {
    @Test
    void aDisconnectMarksOnlyThisInstancesOwnBooksStale() {
        List<MarketDataBatch> published = new ArrayList<>();
        List<String> own = new ArrayList<>(List.of("KX-A", "KX-B"));
        SharedVenueListener listener = new SharedVenueListener(new MarketDataPublisher(published::add), () -> own);

        listener.onVenueDisconnected(Platform.KALSHI, "idle", 7);
        listener.onFrameEnd(Platform.KALSHI, 7);

        assertEquals(
                List.of(
                        new BookMarkedStale(Platform.KALSHI, "KX-A", "idle", 7),
                        new BookMarkedStale(Platform.KALSHI, "KX-B", "idle", 7)),
                published.get(0).events());
    }
}
