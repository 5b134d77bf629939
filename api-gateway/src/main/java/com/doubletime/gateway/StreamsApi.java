package com.doubletime.gateway;

import com.doubletime.domain.event.FeedHealth;
import com.doubletime.domain.event.OpportunityEvent;
import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.PositionSettled;
import com.doubletime.domain.trade.ResolutionDivergence;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradingControl;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The event streams: what arrives on the bus is rendered once, numbered in its {@link EventRing} and fanned out to
 * the stream's {@link SseHub}; {@code GET /api/opportunities} reads the opportunities' ring with its filters. Control
 * changes travel on the trades stream, so a dashboard sees a kill switch the moment it is on.
 *
 * <p>Stream ids start at the gateway's start time in epoch microseconds and count up by one, so they keep
 * increasing across restarts; {@code Last-Event-ID} resumes a stream from its ring. Single writer: the gateway's
 * event loop.
 */
final class StreamsApi {
    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final int TRADE_BUFFER = 500;
    private static final int HEALTH_BUFFER = 100;
    private static final long MICROS_PER_MILLI = 1_000;
    private static final long NANOS_PER_MILLI = 1_000_000;

    private final int opportunityBuffer;
    private final EventRing opportunities;
    private final EventRing trades;
    private final EventRing feedHealth;
    private final SseHub opportunityClients;
    private final SseHub tradeClients;
    private final SseHub healthClients;
    private final FeedHealthBoard board;

    StreamsApi(GatewayConfig config, FeedHealthBoard board, long startMillis) {
        long firstId = startMillis * MICROS_PER_MILLI;
        this.opportunityBuffer = config.opportunityBuffer();
        this.opportunities = new EventRing(config.opportunityBuffer(), firstId);
        this.trades = new EventRing(TRADE_BUFFER, firstId);
        this.feedHealth = new EventRing(HEALTH_BUFFER, firstId);
        this.opportunityClients = new SseHub(config.sseMaxQueuedBytes());
        this.tradeClients = new SseHub(config.sseMaxQueuedBytes());
        this.healthClients = new SseHub(config.sseMaxQueuedBytes());
        this.board = board;
    }

    void mount(Router router) {
        router.get("/api/opportunities").handler(this::recentOpportunities);
        router.get("/api/opportunities/stream").handler(rc -> stream(rc, opportunities, opportunityClients));
        router.get("/api/trades/stream").handler(rc -> stream(rc, trades, tradeClients));
        router.get("/api/feeds/health/stream").handler(rc -> stream(rc, feedHealth, healthClients));
    }

    void onOpportunity(OpportunityEvent event) {
        opportunityClients.broadcast(opportunities.append(event).sseFrame());
    }

    void onTrade(TradeReport report) {
        tradeClients.broadcast(
                trades.append("trade", TradeJournalJson.write(report), report.pairId(), report.executedAtNanos(), null)
                        .sseFrame());
    }

    /**
     * A journaled execution step: alerts ({@code UNHEDGED}, {@code FREE_CASH_LOW}, {@code RESOLUTION_DIVERGENCE},
     * {@code TRADING_HALTED}, {@code TRADING_RESUMED}, {@code JOURNAL_DAMAGED}, {@code FILL_MISMATCH}, …) and
     * settlements travel on the trades stream, as {@code alert} and {@code settlement} events with their journal line
     * as data; order steps do not (the trade's report follows them).
     */
    void onExecution(JournalEntry entry) {
        String type = entry instanceof ExecutionAlert || entry instanceof ResolutionDivergence
                ? "alert"
                : entry instanceof PositionSettled ? "settlement" : null;
        if (type == null) {
            return;
        }
        String pairId = entry instanceof ResolutionDivergence d
                ? d.pairId()
                : entry instanceof PositionSettled s ? s.pairId() : null;
        long atNanos = entry instanceof ExecutionAlert alert ? alert.atNanos() : 0;
        tradeClients.broadcast(trades.append(type, TradeJournalJson.write(entry), pairId, atNanos, null)
                .sseFrame());
    }

    void onControl(TradingControl state) {
        tradeClients.broadcast(trades.append("control", TradeJournalJson.controlState(state), null, 0, null)
                .sseFrame());
    }

    void onFeedHealth(FeedHealth health, long nowMillis) {
        board.update(health, nowMillis);
        healthClients.broadcast(feedHealth
                .append(
                        "feed_health",
                        FeedHealthBoard.venueJson(health, nowMillis).encode(),
                        null,
                        nowMillis * NANOS_PER_MILLI,
                        null)
                .sseFrame());
    }

    void keepAlive() {
        opportunityClients.keepAlive();
        tradeClients.keepAlive();
        healthClients.keepAlive();
    }

    void closeAll() {
        opportunityClients.closeAll();
        tradeClients.closeAll();
        healthClients.closeAll();
    }

    /** Clients connected to any of the three streams. */
    int clients() {
        return opportunityClients.size() + tradeClients.size() + healthClients.size();
    }

    /** Clients per stream: opportunities, trades, feed health. */
    JsonObject clientsByStream() {
        return new JsonObject()
                .put("opportunities", opportunityClients.size())
                .put("trades", tradeClients.size())
                .put("feedHealth", healthClients.size());
    }

    long clientsDropped() {
        return opportunityClients.dropped() + tradeClients.dropped() + healthClients.dropped();
    }

    int opportunitiesBuffered() {
        return opportunities.size();
    }

    long lastOpportunityId() {
        return opportunities.lastId();
    }

    /** The buffered events written as they were received: each element is byte for byte the §4 JSON. */
    private void recentOpportunities(RoutingContext rc) {
        int limit = HttpJson.limit(rc, opportunityBuffer);
        OpportunityFilter filter = OpportunityFilter.from(rc.queryParams());
        List<StreamedEvent> matching = new ArrayList<>();
        for (StreamedEvent event : opportunities.latest(opportunityBuffer)) {
            if (filter.accepts(event)) {
                matching.add(event);
            }
        }
        StringJoiner array = new StringJoiner(",", "[", "]");
        for (StreamedEvent event : matching.subList(Math.max(0, matching.size() - limit), matching.size())) {
            array.add(event.json());
        }
        HttpJson.send(rc, array.toString());
    }

    private static void stream(RoutingContext rc, EventRing ring, SseHub clients) {
        String lastEventId = rc.request().getHeader(LAST_EVENT_ID);
        List<StreamedEvent> backlog = List.of();
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                backlog = ring.after(Long.parseLong(lastEventId.trim()));
            } catch (NumberFormatException e) {
                throw new ApiErrors.BadRequest(LAST_EVENT_ID, "Last-Event-ID must be an event id from this stream");
            }
        }
        clients.open(rc.request(), backlog);
    }
}
