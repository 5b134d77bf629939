package com.doubletime.simulator;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket test client that queues every text frame and protocol ping it receives. */
final class WsProbe {

    /** Held on purpose: Vert.x closes a client's connections once the client is garbage-collected. */
    private final WebSocketClient client;

    private final WebSocket socket;
    private final BlockingQueue<String> texts;
    private final BlockingQueue<Buffer> pings;

    private WsProbe(
            WebSocketClient client, WebSocket socket, BlockingQueue<String> texts, BlockingQueue<Buffer> pings) {
        this.client = client;
        this.socket = socket;
        this.texts = texts;
        this.pings = pings;
    }

    static WsProbe connect(Vertx vertx, String url) {
        BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        BlockingQueue<Buffer> pings = new LinkedBlockingQueue<>();
        // handlers are set on the event loop as the connection completes, so no frame can slip past them
        WebSocketClient client = vertx.createWebSocketClient();
        WebSocket socket = Await.result(client.connect(new WebSocketConnectOptions().setAbsoluteURI(url))
                .map(ws -> {
                    ws.textMessageHandler(texts::add);
                    ws.frameHandler(frame -> {
                        if (frame.isPing()) {
                            pings.add(frame.binaryData());
                        }
                    });
                    return ws;
                }));
        return new WsProbe(client, socket, texts, pings);
    }

    void close() {
        Await.result(client.close());
    }

    void send(String text) {
        Await.result(socket.writeTextMessage(text));
    }

    void send(JsonObject json) {
        send(json.encode());
    }

    String nextText() {
        try {
            String text = texts.poll(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(text, "no frame within " + Await.TIMEOUT_SECONDS + " s");
            return text;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    JsonObject nextObject() {
        return new JsonObject(nextText());
    }

    JsonArray nextArray() {
        return new JsonArray(nextText());
    }

    /** Next frame whose {@code type} (Kalshi) or {@code event_type} (Polymarket) is {@code type}. */
    JsonObject nextOfType(String type) {
        while (true) {
            String text = nextText();
            if (text.startsWith("{")) {
                JsonObject frame = new JsonObject(text);
                if (type.equals(frame.getString("type")) || type.equals(frame.getString("event_type"))) {
                    return frame;
                }
            }
        }
    }

    void expectSilence(long millis) {
        try {
            String text = texts.poll(millis, TimeUnit.MILLISECONDS);
            assertNull(text, "expected no frame, got " + text);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    Buffer nextPing() {
        try {
            Buffer ping = pings.poll(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(ping, "no ping within " + Await.TIMEOUT_SECONDS + " s");
            return ping;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
