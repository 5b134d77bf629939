package com.doubletime.simulator;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One client connection to the Polymarket market channel and the assets it follows. Unknown assets and
 * unintelligible frames are ignored, as the venue does. Honours the connection-level faults of
 * {@link PolymarketFaults}: silent stall, drop without a close frame, close on an oversized subscribe.
 */
final class PolymarketConnection {

    private static final String[] MALFORMED = {
        "{\"event_type\":\"book\",\"asset_id\":",
        "[1,2,3]",
        "{\"event_type\":\"price_change\",\"price_changes\":[{\"asset_id\":\"1\",\"price\":\"abc\",\"size\":\"1\","
                + "\"side\":\"BUY\"}]}",
        "not json at all"
    };

    private final ServerWebSocket socket;
    private final HttpConnection tcp;
    private final SimulatedBooks books;
    private final PolymarketFaults faults;
    private final long number;
    private final Runnable onSubscribed;
    private final Set<String> assets = new LinkedHashSet<>();
    /** {@code custom_feature_enabled}: {@code best_bid_ask}, {@code new_market} and {@code market_resolved} too. */
    private boolean customFeatures;

    PolymarketConnection(
            ServerWebSocket socket,
            HttpConnection tcp,
            SimulatedBooks books,
            PolymarketFaults faults,
            long number,
            Runnable onSubscribed) {
        this.socket = socket;
        this.tcp = tcp;
        this.books = books;
        this.faults = faults;
        this.number = number;
        this.onSubscribed = onSubscribed;
    }

    void onText(String text) {
        // application-level keepalive: a text frame, not a protocol ping; answered even while stalled
        if ("PING".equals(text)) {
            socket.writeTextMessage("PONG");
            return;
        }
        JsonObject frame;
        try {
            frame = new JsonObject(text);
        } catch (RuntimeException notAJsonObject) {
            return;
        }
        Object operation = frame.getValue("operation");
        if (frame.getValue("custom_feature_enabled") instanceof Boolean enabled) {
            customFeatures = enabled;
        }
        List<String> requested = assetIds(frame.getValue("assets_ids"));
        if (requested.size() > faults.maxSubscribeAssets()) {
            // seen live: one huge (re)subscribe frame makes the server close the socket (polymarket.md §7.3)
            socket.close();
            return;
        }
        if ("unsubscribe".equals(operation)) {
            requested.forEach(assets::remove);
        } else if ("subscribe".equals(operation) || "market".equals(frame.getValue("type"))) {
            subscribe(requested, !Boolean.FALSE.equals(frame.getValue("initial_dump")));
        }
    }

    void publish(PolymarketPriceChange change, long timestampMillis) {
        if (faults.stalled(number)) {
            return;
        }
        JsonObject frame = PolymarketFrames.priceChange(change, assets, timestampMillis);
        if (frame != null) {
            socket.writeTextMessage(frame.encode());
        }
    }

    /** {@code market_resolved}, when custom features are on and the connection follows one of the market's tokens. */
    void publishResolved(PolymarketMarketState market, JsonObject event) {
        if (customFeatures
                && !faults.stalled(number)
                && (assets.contains(market.market.yesTokenId()) || assets.contains(market.market.noTokenId()))) {
            socket.writeTextMessage(event.encode());
        }
    }

    void sendMalformed(int index) {
        if (!faults.stalled(number)) {
            socket.writeTextMessage(MALFORMED[index % MALFORMED.length]);
        }
    }

    /**
     * Closes the TCP connection under the WebSocket: the client sees no close frame. {@link HttpConnection#close()}
     * would close the WebSocket gracefully (code 1000), so this reaches for the Netty channel through Vert.x's
     * internal connection class and closes it below the pipeline — acceptable in a test venue, never in
     * production code.
     */
    void dropWithoutCloseFrame() {
        if (tcp instanceof io.vertx.core.net.impl.ConnectionBase connection) {
            // channel().close() still passes Vert.x's outbound WebSocket handler, which writes a close frame
            io.netty.channel.Channel channel = connection.channel();
            channel.eventLoop().execute(() -> channel.unsafe().closeForcibly());
        } else {
            tcp.close();
        }
    }

    private void subscribe(List<String> requested, boolean initialDump) {
        List<String> known = new ArrayList<>();
        for (String assetId : requested) {
            if (books.polymarket(assetId) != null && !known.contains(assetId)) {
                known.add(assetId);
            }
        }
        if (known.isEmpty()) {
            return;
        }
        assets.addAll(known);
        if (initialDump && !faults.stalled(number)) {
            long now = System.currentTimeMillis();
            JsonArray dump = new JsonArray();
            for (String assetId : known) {
                dump.add(PolymarketFrames.book(books.conditionId(assetId), assetId, books.polymarket(assetId), now));
            }
            socket.writeTextMessage(dump.encode());
        }
        onSubscribed.run();
    }

    private static List<String> assetIds(Object value) {
        List<String> ids = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (Object id : array) {
                if (id instanceof String text) {
                    ids.add(text);
                }
            }
        }
        return ids;
    }
}
