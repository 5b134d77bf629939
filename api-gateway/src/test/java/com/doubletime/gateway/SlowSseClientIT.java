package com.doubletime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.domain.format.OpportunityJson;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
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
}
