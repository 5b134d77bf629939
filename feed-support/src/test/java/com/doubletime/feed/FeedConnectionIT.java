package com.doubletime.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.EpochNanoClock;
import com.doubletime.domain.Platform;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FeedConnectionIT {
    private final Vertx vertx = Vertx.vertx();
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (Socket socket : accepted) {
            socket.close();
        }
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    /** Accepts TCP connections and never answers the upgrade request. */
    private ServerSocket blackHole() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try {
                            accepted.add(server.accept());
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "black-hole");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private static <T> T onContext(Context context, Callable<T> action) throws Exception {
        return Future.<T>future(p -> context.runOnContext(v -> {
                    try {
                        p.complete(action.call());
                    } catch (Exception e) {
                        p.fail(e);
                    }
                }))
                .await(5, TimeUnit.SECONDS);
    }

    @Test
    void abandonsAHandshakeThatNeverCompletesAndKeepsRetrying() throws Exception {
        try (ServerSocket server = blackHole()) {
            Context context = vertx.getOrCreateContext();
            FeedConnection connection = new FeedConnection(
                    vertx,
                    Platform.KALSHI,
                    "ws://127.0.0.1:" + server.getLocalPort() + "/trade-api/ws/v2",
                    200,
                    new Backoff(10, 20),
                    FeedConnection.NO_HEADERS,
                    null,
                    new EpochNanoClock());
            List<String> events = new CopyOnWriteArrayList<>();
            onContext(context, () -> {
                connection.start(new FeedConnection.Listener() {
                    @Override
                    public void onOpen(long atNanos) {
                        events.add("open");
                    }

                    @Override
                    public void onText(String frame, long atNanos) {
                        events.add(frame);
                    }

                    @Override
                    public void onClosed(String reason, long atNanos) {
                        events.add("closed");
                    }
                });
                return null;
            });

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (accepted.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertTrue(accepted.size() >= 3, "connection attempts: " + accepted.size());
            assertEquals(List.of(), events, "never opened");
            String error = onContext(context, connection::lastError);
            assertTrue(error.contains("handshake timed out"), error);
            onContext(context, connection::stop);
        }
    }

    @Test
    void rejectsUrlsThatAreNotWebSocketUrls() {
        for (String url : List.of("http://127.0.0.1/x", "127.0.0.1:80", "ws:///nohost")) {
            assertThrows(IllegalArgumentException.class, () -> FeedConnection.parseUrl(url));
        }
    }
}
