package com.doubletime.feed;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/** A loopback WebSocket server for feed tests: records what clients send, lets the test push frames. */
public final class WsTestServer {
    public static final long WAIT_SECONDS = 5;

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<ServerWebSocket> connections = new LinkedBlockingQueue<>();
    private final String path;
    private HttpServer server;
    private volatile ServerWebSocket current;

    private WsTestServer(String path) {
        this.path = path;
    }

    /** {@code responder} sees every text message a client sends, on the server's event loop. */
    public static WsTestServer start(Vertx vertx, String path, BiConsumer<ServerWebSocket, String> responder)
            throws Exception {
        WsTestServer test = new WsTestServer(path);
        test.server = vertx.createHttpServer()
                .webSocketHandler(ws -> {
                    if (!ws.path().equals(path)) {
                        ws.close((short) 1008, "wrong path " + ws.path());
                        return;
                    }
                    test.current = ws;
                    ws.textMessageHandler(text -> {
                        test.received.add(text);
                        responder.accept(ws, text);
                    });
                    test.connections.add(ws);
                })
                .listen(0, "127.0.0.1")
                .await(WAIT_SECONDS, TimeUnit.SECONDS);
        return test;
    }

    public String url() {
        return "ws://127.0.0.1:" + server.actualPort() + path;
    }

    /** The next text message any client sent. */
    public String nextMessage() throws InterruptedException {
        String message = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(message, "no message from the client within " + WAIT_SECONDS + " s");
        return message;
    }

    /** Messages received so far and not yet taken. */
    public String pollMessage(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** The next client connection. */
    public ServerWebSocket nextConnection() throws InterruptedException {
        ServerWebSocket ws = connections.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(ws, "no client connection within " + WAIT_SECONDS + " s");
        return ws;
    }

    public void send(String frame) {
        current.writeTextMessage(frame);
    }

    /** Closes the current connection from the server side. */
    public void drop() {
        current.close();
    }

    public void close() throws Exception {
        server.close().await(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
