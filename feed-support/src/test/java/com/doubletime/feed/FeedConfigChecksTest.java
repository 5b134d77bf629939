package com.doubletime.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The start-up checks both feeds' configurations share, and their messages naming the key. */
class FeedConfigChecksTest {
    @Test
    void aWebSocketUrlMustBeWsOrWss() {
        assertEquals("wss://x/ws", FeedConfigChecks.webSocketUrl("v.wsUrl", "wss://x/ws"));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> FeedConfigChecks.webSocketUrl("v.wsUrl", "https://x/ws"));
        assertEquals("v.wsUrl must be a ws:// or wss:// URL, got https://x/ws", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeedConfigChecks.webSocketUrl("v.wsUrl", null));
    }

    @Test
    void instrumentsAreRequiredNonEmptyAndDeduplicatedInOrder() {
        assertEquals(List.of("B", "A"), FeedConfigChecks.instruments("v.ids", List.of("B", "A", "B"), "id"));
        assertEquals(
                "v.ids must name at least one id",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> FeedConfigChecks.instruments("v.ids", List.of(), "id"))
                        .getMessage());
        assertEquals(
                "v.ids contains an empty id",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> FeedConfigChecks.instruments("v.ids", Arrays.asList("A", " "), "id"))
                        .getMessage());
    }

    @Test
    void delaysMustBePositiveAndTheBackoffOrdered() {
        assertThrows(IllegalArgumentException.class, () -> FeedConfigChecks.positive("v.t", 0));
        assertThrows(IllegalArgumentException.class, () -> FeedConfigChecks.reconnectDelays("v", 100, 10));
        assertThrows(IllegalArgumentException.class, () -> FeedConfigChecks.reconnectDelays("v", 0, 10));
        FeedConfigChecks.reconnectDelays("v", 10, 10);
    }
}
