package com.doubletime.gateway;

/**
 * One opportunity event as the gateway serves it: its stream id, SSE event name and contracts §4 JSON,
 * rendered once on arrival however many clients receive it.
 */
record StreamedEvent(long id, String type, String json) {
    /** {@code id: n}, {@code event: type}, {@code data: json} and the blank line that ends an SSE event. */
    String sseFrame() {
        return "id: " + id + "\nevent: " + type + "\ndata: " + json + "\n\n";
    }
}
