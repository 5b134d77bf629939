package com.doubletime.simulator;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One client connection to the Polymarket market channel and the assets it follows. Unknown assets and
 * unintelligible frames are ignored, as the venue does.
 */
final class PolymarketConnection {

  private final ServerWebSocket socket;
  private final SimulatedBooks books;
  private final Runnable onSubscribed;
  private final Set<String> assets = new LinkedHashSet<>();

  PolymarketConnection(ServerWebSocket socket, SimulatedBooks books, Runnable onSubscribed) {
    this.socket = socket;
    this.books = books;
    this.onSubscribed = onSubscribed;
  }

  void onText(String text) {
    // application-level keepalive: a text frame, not a protocol ping
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
    List<String> requested = assetIds(frame.getValue("assets_ids"));
    if ("unsubscribe".equals(operation)) {
      requested.forEach(assets::remove);
    } else if ("subscribe".equals(operation) || "market".equals(frame.getValue("type"))) {
      subscribe(requested, !Boolean.FALSE.equals(frame.getValue("initial_dump")));
    }
  }

  void publish(PolymarketPriceChange change, long timestampMillis) {
    JsonObject frame = PolymarketFrames.priceChange(change, assets, timestampMillis);
    if (frame != null) {
      socket.writeTextMessage(frame.encode());
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
    if (initialDump) {
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
