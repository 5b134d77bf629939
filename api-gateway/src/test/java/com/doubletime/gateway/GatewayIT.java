package com.doubletime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.bus.protocol.ControlCommand;
import com.doubletime.bus.protocol.ControlRefused;
import com.doubletime.bus.protocol.ExecutorStatus;
import com.doubletime.bus.protocol.RecentTrades;
import com.doubletime.bus.protocol.TradesQuery;
import com.doubletime.domain.event.OpportunityEvent;
import com.doubletime.domain.format.OpportunityJson;
import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradingControl;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class GatewayIT {
    private static final GatewayConfig CONFIG = GatewayConfig.DEFAULT
            .withPort(0)
            .withKeepAliveInterval(Duration.ofMillis(200))
            .withTradesQueryTimeout(Duration.ofMillis(300));

    private final Vertx vertx = Vertx.vertx();
    private WebClient web;
    private HttpClient http;
    private int port;

    @BeforeEach
    void startGateway() throws Exception {
        start(CONFIG);
    }

    private void start(GatewayConfig config) throws Exception {
        BusCodecs.registerAll(vertx.eventBus());
        GatewayVerticle gateway = new GatewayVerticle(config);
        vertx.deployVerticle(gateway).await(10, TimeUnit.SECONDS);
        port = gateway.actualPort();
        web = WebClient.create(vertx);
        http = vertx.createHttpClient();
    }

    @AfterEach
    void stop() throws Exception {
        // closed first: left to Vertx.close the client would wait for open SSE streams to finish
        http.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private HttpResponse<Buffer> get(String uri) throws Exception {
        return web.get(port, "127.0.0.1", uri).send().await(5, TimeUnit.SECONDS);
    }

    private void publish(OpportunityEvent event) {
        vertx.eventBus().publish(Addresses.OPPORTUNITIES, event);
    }

    /** Waits until the gateway has taken in {@code n} events (the bus delivers asynchronously). */
    private void awaitBuffered(int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (get("/health").bodyAsJsonObject().getInteger("opportunitiesBuffered") < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gateway did not buffer " + n + " events");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void healthReportsUpAndTheTradingMode() throws Exception {
        HttpResponse<Buffer> response = get("/health");

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.getHeader("Content-Type"));
        JsonObject health = response.bodyAsJsonObject();
        assertEquals("UP", health.getString("status"));
        assertEquals("paper", health.getString("mode"));
        assertEquals(0, health.getInteger("sseClients"));
    }

    @Test
    void sseDeliversAnOpportunityPublishedOnTheBusAsContractJson() throws Exception {
        SseStream stream = SseStream.open(http, port, null);
        assertEquals(200, stream.response.statusCode());
        assertEquals("text/event-stream", stream.response.getHeader("Content-Type"));

        publish(Opportunities.found(17));
        publish(Opportunities.closed(17));

        SseStream.Block found = stream.nextEvent();
        assertEquals("opportunity", found.event());
        assertEquals(OpportunityJson.write(Opportunities.found(17)), found.data());
        JsonObject json = new JsonObject(found.data());
        assertEquals("fed-cut-dec26:KALSHI_YES_POLYMARKET_NO:17", json.getString("id"));
        assertEquals("120", json.getString("quantity"));
        assertEquals("0.4200", json.getJsonObject("kalshi").getString("limitPrice"));
        assertEquals("1.195680", json.getJsonObject("polymarket").getString("fee"));
        SseStream.Block closed = stream.nextEvent();
        assertEquals("opportunity_closed", closed.event());
        assertEquals(OpportunityJson.write(Opportunities.closed(17)), closed.data());
        assertEquals(Long.parseLong(found.id()) + 1, Long.parseLong(closed.id()));
    }

    @Test
    void sseSendsKeepAliveCommentsWhileIdle() throws Exception {
        SseStream stream = SseStream.open(http, port, null);

        SseStream.Block first = stream.next();
        SseStream.Block second = stream.next();

        assertEquals("keep-alive", first.comment());
        assertEquals("keep-alive", second.comment());
        assertNull(first.data());
    }

    @Test
    void sseResumesFromLastEventIdReplayingMissedEvents() throws Exception {
        SseStream first = SseStream.open(http, port, null);
        publish(Opportunities.found(1));
        publish(Opportunities.found(2));
        first.nextEvent();
        String lastSeen = first.nextEvent().id();
        first.close();

        publish(Opportunities.found(3));
        publish(Opportunities.closed(3));
        awaitBuffered(4);
        SseStream resumed = SseStream.open(http, port, lastSeen);
        publish(Opportunities.found(4));

        SseStream.Block missed1 = resumed.nextEvent();
        SseStream.Block missed2 = resumed.nextEvent();
        SseStream.Block live = resumed.nextEvent();
        assertEquals(OpportunityJson.write(Opportunities.found(3)), missed1.data());
        assertEquals(Long.parseLong(lastSeen) + 1, Long.parseLong(missed1.id()));
        assertEquals(OpportunityJson.write(Opportunities.closed(3)), missed2.data());
        assertEquals(OpportunityJson.write(Opportunities.found(4)), live.data());
        assertEquals(Long.parseLong(lastSeen) + 3, Long.parseLong(live.id()));
    }

    @Test
    void sseReplaysAWholeBufferOnResumeWithoutDroppingTheClient() throws Exception {
        for (int i = 1; i <= CONFIG.opportunityBuffer(); i++) {
            publish(Opportunities.found(i));
        }
        awaitBuffered(CONFIG.opportunityBuffer());
        long newest = get("/health").bodyAsJsonObject().getLong("lastEventId");

        SseStream resumed = SseStream.open(http, port, Long.toString(newest - CONFIG.opportunityBuffer()));

        for (int i = 1; i <= CONFIG.opportunityBuffer(); i++) {
            assertEquals(
                    OpportunityJson.write(Opportunities.found(i)),
                    resumed.nextEvent().data());
        }
        assertEquals(0, get("/health").bodyAsJsonObject().getInteger("sseClientsDropped"));
    }

    @Test
    void sseRejectsALastEventIdThatIsNotAnId() throws Exception {
        HttpResponse<Buffer> response = web.get(port, "127.0.0.1", "/api/opportunities/stream")
                .putHeader("Last-Event-ID", "yesterday")
                .send()
                .await(5, TimeUnit.SECONDS);

        assertEquals(400, response.statusCode());
        assertEquals("Last-Event-ID", response.bodyAsJsonObject().getString("field"));
    }

    @Test
    void opportunitiesReturnsTheRecentEventsAsContractJsonOldestFirst() throws Exception {
        publish(Opportunities.found(1));
        publish(Opportunities.closed(1));
        publish(Opportunities.found(2));
        awaitBuffered(3);

        HttpResponse<Buffer> all = get("/api/opportunities");
        HttpResponse<Buffer> last = get("/api/opportunities?limit=1");

        assertEquals(200, all.statusCode());
        assertEquals("application/json", all.getHeader("Content-Type"));
        assertEquals(
                "[" + OpportunityJson.write(Opportunities.found(1)) + ","
                        + OpportunityJson.write(Opportunities.closed(1)) + ","
                        + OpportunityJson.write(Opportunities.found(2)) + "]",
                all.bodyAsString());
        assertEquals("[" + OpportunityJson.write(Opportunities.found(2)) + "]", last.bodyAsString());
    }

    @Test
    void opportunitiesRejectsABadLimitNamingTheField() throws Exception {
        HttpResponse<Buffer> response = get("/api/opportunities?limit=lots");

        assertEquals(400, response.statusCode());
        assertEquals(
                new JsonObject()
                        .put("error", "limit must be a whole number from 1 to 500")
                        .put("field", "limit"),
                response.bodyAsJsonObject());
    }

    @Test
    void tradesProxiesTheExecutorsAnswer() throws Exception {
        TradeReport trade = Trades.rejected("t-1");
        vertx.eventBus()
                .<TradesQuery>consumer(Addresses.TRADES_QUERY, request -> {
                    assertEquals(new TradesQuery(5), request.body());
                    request.reply(new RecentTrades(List.of(trade)));
                })
                .completion()
                .await(5, TimeUnit.SECONDS);

        HttpResponse<Buffer> response = get("/api/trades?limit=5");

        assertEquals(200, response.statusCode());
        assertEquals("[" + TradeJournalJson.write(trade) + "]", response.bodyAsString());
    }

    @Test
    void tradesAnswers503WhenNoExecutorIsRunning() throws Exception {
        HttpResponse<Buffer> response = get("/api/trades");

        assertEquals(503, response.statusCode());
        assertEquals(
                "trade executor did not answer: no trade executor is running",
                response.bodyAsJsonObject().getString("error"));
    }

    @Test
    void tradesAnswers503WhenTheExecutorDoesNotReplyInTime() throws Exception {
        vertx.eventBus()
                .consumer(Addresses.TRADES_QUERY, request -> {})
                .completion()
                .await(5, TimeUnit.SECONDS);

        HttpResponse<Buffer> response = get("/api/trades");

        assertEquals(503, response.statusCode());
        assertEquals(
                "trade executor did not answer: timed out",
                response.bodyAsJsonObject().getString("error"));
    }

    @Test
    void readinessNamesEachServiceThatIsNotRunning() throws Exception {
        HttpResponse<Buffer> ready = get("/health/ready");

        assertEquals(503, ready.statusCode());
        JsonObject checks = ready.bodyAsJsonObject().getJsonObject("checks");
        assertEquals("DOWN: no trade executor is running", checks.getString("trade-executor"));
        assertEquals("DOWN: no arbitrage monitor is running", checks.getString("arbitrage-monitor"));
        assertEquals(
                "arbitrage monitor did not answer: no arbitrage monitor is running",
                get("/api/markets").bodyAsJsonObject().getString("error"));
    }

    @Test
    void healthAndControlNameTheActiveExecutorInstanceAndTheOneStandingBy() throws Exception {
        vertx.eventBus()
                .<ControlCommand>consumer(
                        Addresses.CONTROL,
                        request -> request.reply(TradingControl.initial(ExecutionMode.PAPER, RiskLimits.DEFAULT)))
                .completion()
                .await(5, TimeUnit.SECONDS);
        long since = System.currentTimeMillis() - 60_000;

        vertx.eventBus()
                .publish(
                        Addresses.EXECUTOR_STATUS,
                        new ExecutorStatus(
                                "executor-2", ExecutorStatus.Role.ACTIVE, 4, since, 1, 2_345, true, null, since));
        vertx.eventBus()
                .publish(
                        Addresses.EXECUTOR_STATUS,
                        new ExecutorStatus(
                                "executor-1",
                                ExecutorStatus.Role.STANDBY,
                                0,
                                0,
                                0,
                                0,
                                true,
                                "instance executor-2 holds the active lease",
                                since));
        JsonObject health = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            health = get("/health").bodyAsJsonObject().getJsonObject("executor");
            if (health.getJsonArray("instances").size() == 2) {
                break;
            }
            Thread.sleep(20);
        }
        JsonObject control = get("/api/control").bodyAsJsonObject().getJsonObject("executor");

        assertEquals("executor-2", health.getString("active"));
        assertEquals(Instant.ofEpochMilli(since).toString(), health.getString("activeSince"));
        assertEquals(4, health.getLong("epoch"));
        assertEquals(1, health.getLong("failovers"));
        assertEquals(
                "STANDBY", health.getJsonArray("instances").getJsonObject(1).getString("role"));
        assertEquals("executor-2", control.getString("active"));
    }

    @Test
    void theExecutorsStateAndRefusalsArePassedOn() throws Exception {
        TradingControl state =
                TradingControl.initial(ExecutionMode.PAPER, RiskLimits.DEFAULT).withKillSwitch(true);
        vertx.eventBus()
                .<ControlCommand>consumer(Addresses.CONTROL, request -> {
                    if (request.body() instanceof ControlCommand.ChangeRiskLimits change) {
                        request.reply(new ControlRefused(
                                400, change.changes().keySet() + " is not a risk limit", "maxNotional"));
                    } else {
                        request.reply(state);
                    }
                })
                .completion()
                .await(5, TimeUnit.SECONDS);

        JsonObject control = get("/api/control").bodyAsJsonObject();
        HttpResponse<Buffer> refused = web.patch(port, "127.0.0.1", "/api/risk-limits")
                .putHeader("Content-Type", "application/json")
                .sendJsonObject(new JsonObject().put("maxNotional", "5"))
                .await(5, TimeUnit.SECONDS);

        JsonObject executorsState = control.copy();
        executorsState.remove("executor"); // the gateway's own: which instance answered (tested above)
        assertEquals(new JsonObject(TradeJournalJson.controlState(state)), executorsState);
        assertEquals("the kill switch is on", control.getString("blockedBecause"));
        assertEquals(400, refused.statusCode());
        assertEquals(
                new JsonObject()
                        .put("error", "[maxNotional] is not a risk limit")
                        .put("field", "maxNotional"),
                refused.bodyAsJsonObject());
    }

    @Test
    void unknownRouteGives404Json() throws Exception {
        HttpResponse<Buffer> response = get("/api/nothing-here");

        assertEquals(404, response.statusCode());
        assertEquals("application/json", response.getHeader("Content-Type"));
        assertEquals(
                "no route for GET /api/nothing-here",
                response.bodyAsJsonObject().getString("error"));
    }
}
