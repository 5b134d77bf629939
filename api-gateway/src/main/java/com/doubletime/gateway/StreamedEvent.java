package com.doubletime.gateway;

import java.math.BigDecimal;

/**
 * One event as the gateway serves it: its stream id, SSE event name and JSON, rendered once on arrival
 * however many clients receive it, with what the history filters look at ({@code pairId}, the event's own
 * time, and for an opportunity its edge per contract; null or 0 when the event has none).
 */
record StreamedEvent(long id, String type, String json, String pairId, long atNanos, BigDecimal edgePerContract) {
    StreamedEvent(long id, String type, String json) {
        this(id, type, json, null, 0, null);
    }

    /** {@code id: n}, {@code event: type}, {@code data: json} and the blank line that ends an SSE event. */
    String sseFrame() {
        return "id: " + id + "\nevent: " + type + "\ndata: " + json + "\n\n";
    }
}
