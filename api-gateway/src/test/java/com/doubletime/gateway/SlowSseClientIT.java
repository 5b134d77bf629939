package com.doubletime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.domain.format.OpportunityJson;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.client.WebClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class SlowSseClientIT {
    private final Vertx vertx = Vertx.vertx();
    private final WebClient web = WebClient.create(vertx);
    private HttpClient sseClient;
    private int port;

    @AfterEach
    void stop() throws Exception {
        // closed first: left to Vertx.close the client would wait for its endless stream to finish
        if (sseClient != null) {
            sseClient.close().await(10, TimeUnit.SECONDS);
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private JsonObject health() throws Exception {
        return web.get(port, "127.0.0.1", "/health")
                .send()
                .await(5, TimeUnit.SECONDS)
                .bodyAsJsonObject();
    }

    @Test
    void slowSseClientIsDroppedWhileOthersKeepReceivingEveryEvent() throws Exception {
        BusCodecs.registerAll(vertx.eventBus());
        GatewayVerticle gateway = new GatewayVerticle(GatewayConfig.DEFAULT
                .withPort(0)
                .withSseMaxQueuedBytes(64 * 1024)
                .withKeepAliveInterval(Duration.ofHours(1)));
        vertx.deployVerticle(gateway).await(10, TimeUnit.SECONDS);
        port = gateway.actualPort();

        // a reader that sends its request and then never reads; a small receive buffer fills fast
        NetSocket stalled = vertx.createNetClient(new NetClientOptions().setReceiveBufferSize(4096))
                .connect(port, "127.0.0.1")
                .await(5, TimeUnit.SECONDS);
        Promise<Void> stalledClosed = Promise.promise();
        stalled.closeHandler(v -> stalledClosed.tryComplete());
        stalled.pause();
        stalled.write("GET /api/opportunities/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .await(5, TimeUnit.SECONDS);
        sseClient = vertx.createHttpClient();
        SseStream healthy = SseStream.open(sseClient, port, null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (health().getInteger("sseClients") < 2) {
            assertTrue(System.nanoTime() < deadline, "both SSE clients connect");
            Thread.sleep(10);
        }

        int published = 0;
        while (health().getLong("sseClientsDropped") == 0) {
            for (int i = 0; i < 2_000; i++) {
                vertx.eventBus().publish(Addresses.OPPORTUNITIES, Opportunities.found(++published));
            }
            assertTrue(published < 200_000, "the stalled client was never dropped");
        }

        assertEquals(1, health().getInteger("sseClients"));
        for (int i = 1; i <= published; i++) {
            assertEquals(
                    OpportunityJson.write(Opportunities.found(i)),
                    healthy.nextEvent().data());
        }
        // the server closed the stalled connection: reading what was buffered ends in its close
        stalled.handler(ignored -> {});
        stalled.resume();
        stalledClosed.future().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aClientThatNeverReadsHasItsSocketResetNotLeftEstablishedWithItsBacklog() throws Exception {
        BusCodecs.registerAll(vertx.eventBus());
        GatewayVerticle gateway = new GatewayVerticle(GatewayConfig.DEFAULT
                .withPort(0)
                .withSseMaxQueuedBytes(64 * 1024)
                .withKeepAliveInterval(Duration.ofHours(1)));
        vertx.deployVerticle(gateway).await(10, TimeUnit.SECONDS);
        port = gateway.actualPort();
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            stalled.getOutputStream()
                    .write("GET /api/trades/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            int clientPort = stalled.getLocalPort();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (health().getInteger("sseClients") < 1) {
                assertTrue(System.nanoTime() < deadline, "the trades stream counts in sseClients");
                Thread.sleep(10);
            }
            assertTrue(serverSocketState(clientPort) != null, "the server holds the connection");

            int published = 0;
            while (health().getLong("sseClientsDropped") == 0) {
                for (int i = 0; i < 500; i++) {
                    vertx.eventBus().publish(Addresses.TRADES, Trades.rejected("t" + ++published));
                }
                assertTrue(published < 200_000, "the stalled client was never dropped");
            }

            // the client never reads: only a reset frees the server's side at once
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (serverSocketState(clientPort) != null) {
                assertTrue(
                        System.nanoTime() < deadline,
                        "the server still holds the dropped connection: " + serverSocketState(clientPort));
                Thread.sleep(20);
            }
            assertEquals(0, health().getInteger("sseClients"));
        }
    }

    /**
     * The server side of the connection to {@code clientPort} as the kernel lists it ({@code /proc/net/tcp}: state
     * and send queue), or null when it holds none: closed with a reset, the socket is gone at once; closed
     * gracefully with unsent bytes it would stay ESTABLISHED (01) or FIN_WAIT1 (04) with its send queue.
     */
    private String serverSocketState(int clientPort) throws Exception {
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length < 5 || !fields[1].contains(":")) {
                    continue;
                }
                int local = Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1), 16);
                int remote = Integer.parseInt(fields[2].substring(fields[2].indexOf(':') + 1), 16);
                if (local == port && remote == clientPort && !fields[3].equals("06")) { // 06: TIME_WAIT
                    return "state " + fields[3] + ", tx:rx queue " + fields[4];
                }
            }
        }
        return null;
    }

    @Test
    void sseClientsCountsEveryKindOfStream() throws Exception {
        BusCodecs.registerAll(vertx.eventBus());
        GatewayVerticle gateway = new GatewayVerticle(GatewayConfig.DEFAULT.withPort(0));
        vertx.deployVerticle(gateway).await(10, TimeUnit.SECONDS);
        port = gateway.actualPort();
        sseClient = vertx.createHttpClient();

        for (String stream : List.of("/api/trades/stream", "/api/feeds/health/stream", "/api/opportunities/stream")) {
            sseClient
                    .request(HttpMethod.GET, port, "127.0.0.1", stream)
                    .compose(request -> request.send())
                    .await(5, TimeUnit.SECONDS);
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (health().getInteger("sseClients") < 3) {
            assertTrue(System.nanoTime() < deadline, "all three streams count: " + health());
            Thread.sleep(10);
        }
        JsonObject byStream = health().getJsonObject("sseClientsByStream");
        assertEquals(new JsonObject().put("opportunities", 1).put("trades", 1).put("feedHealth", 1), byStream);
    }
}
