package com.doubletime.gateway;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test client of the SSE endpoint that splits the stream into events and comments as it arrives. */
final class SseStream {
    /** One SSE block: either a comment, or an event with its fields. */
    record Block(String comment, String id, String event, String data) {}

    final BlockingQueue<Block> blocks = new LinkedBlockingQueue<>();
    final HttpClientResponse response;
    private final StringBuilder pending = new StringBuilder();

    private SseStream(HttpClientResponse response) {
        this.response = response;
    }

    static SseStream open(HttpClient client, int port, String lastEventId) throws Exception {
        return open(client, port, "/api/opportunities/stream", lastEventId, null);
    }

    static SseStream open(HttpClient client, int port, String path, String lastEventId, String token) throws Exception {
        return client.request(HttpMethod.GET, port, "127.0.0.1", path)
                .compose(request -> {
                    if (lastEventId != null) {
                        request.putHeader("Last-Event-ID", lastEventId);
                    }
                    if (token != null) {
                        request.putHeader("Authorization", "Bearer " + token);
                    }
                    return request.send();
                })
                .compose(response -> {
                    // installed on the event loop as the headers arrive, before any body chunk
                    SseStream stream = new SseStream(response);
                    response.handler(chunk -> stream.feed(chunk.toString(StandardCharsets.UTF_8)));
                    return Future.succeededFuture(stream);
                })
                .await(5, TimeUnit.SECONDS);
    }

    /** The next block that is an event (skipping keep-alive comments). */
    Block nextEvent() throws InterruptedException {
        while (true) {
            Block block = next();
            if (block.comment() == null) {
                return block;
            }
        }
    }

    Block next() throws InterruptedException {
        Block block = blocks.poll(5, TimeUnit.SECONDS);
        if (block == null) {
            throw new AssertionError("no SSE block within 5 s");
        }
        return block;
    }

    void close() {
        response.request().connection().close();
    }

    private void feed(String text) {
        pending.append(text);
        for (int end = pending.indexOf("\n\n"); end >= 0; end = pending.indexOf("\n\n")) {
            String block = pending.substring(0, end);
            pending.delete(0, end + 2);
            blocks.add(parse(block));
        }
    }

    private static Block parse(String block) {
        String comment = null;
        String id = null;
        String event = null;
        String data = null;
        for (String line : block.split("\n", -1)) {
            if (line.startsWith(":")) {
                comment = line.substring(1).trim();
            } else if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("event: ")) {
                event = line.substring(7);
            } else if (line.startsWith("data: ")) {
                if (data != null) {
                    throw new AssertionError("data spread over several lines: " + block);
                }
                data = line.substring(6);
            } else {
                throw new AssertionError("unexpected SSE line '" + line + "' in " + block);
            }
        }
        return new Block(comment, id, event, data);
    }
}
