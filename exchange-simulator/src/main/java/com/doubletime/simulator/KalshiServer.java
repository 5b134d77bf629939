package com.doubletime.simulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The Kalshi venue: the {@code /trade-api/ws/v2} WebSocket and the REST order book, on one HTTP server. */
final class KalshiServer {

  static final String WS_PATH = "/trade-api/ws/v2";
  static final String REST_BASE = "/trade-api/v2";

  private final Vertx vertx;
  private final SimulatedBooks books;
  private final Runnable onSubscribed;
  private final long heartbeatMillis;
  private final Set<KalshiConnection> connections = new LinkedHashSet<>();
  private HttpServer server;
  private long heartbeatTimer = -1;

  KalshiServer(Vertx vertx, SimulatedBooks books, Runnable onSubscribed, long heartbeatMillis) {
    this.vertx = vertx;
    this.books = books;
    this.onSubscribed = onSubscribed;
    this.heartbeatMillis = heartbeatMillis;
  }

  /** Starts listening and returns the bound port. */
  Future<Integer> listen(String host, int port) {
    Router router = Router.router(vertx);
    router.get(WS_PATH).handler(this::acceptWebSocket);
    router.get(REST_BASE + "/markets/:ticker/orderbook").handler(this::orderbook);
    server = vertx.createHttpServer().requestHandler(router);
    return server.listen(port, host).map(listening -> {
      heartbeatTimer = vertx.setPeriodic(heartbeatMillis,
          id -> List.copyOf(connections).forEach(KalshiConnection::heartbeat));
      return listening.actualPort();
    });
  }

  void onDelta(KalshiDelta delta) {
    long now = System.currentTimeMillis();
    List.copyOf(connections).forEach(connection -> connection.publish(delta, now));
  }

  Future<Void> close() {
    if (heartbeatTimer >= 0) {
      vertx.cancelTimer(heartbeatTimer);
    }
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void acceptWebSocket(RoutingContext context) {
    if (!context.request().canUpgradeToWebSocket()) {
      context.response().setStatusCode(400).end("WebSocket upgrade required");
      return;
    }
    context.request().toWebSocket().onSuccess(socket -> {
      KalshiConnection connection = new KalshiConnection(socket, books, onSubscribed);
      connections.add(connection);
      socket.textMessageHandler(connection::onText);
      socket.closeHandler(closed -> connections.remove(connection));
    });
  }

  private void orderbook(RoutingContext context) {
    String ticker = context.pathParam("ticker");
    KalshiBook book = books.kalshi(ticker);
    if (book == null) {
      context.response().setStatusCode(404).putHeader("content-type", "application/json")
          .end(KalshiFrames.notFound("market " + ticker + " not found").encode());
      return;
    }
    int depth;
    try {
      String depthParam = context.request().getParam("depth");
      depth = depthParam == null ? 0 : Integer.parseInt(depthParam);
    } catch (NumberFormatException e) {
      context.response().setStatusCode(400).putHeader("content-type", "application/json")
          .end(new JsonObject().put("error", new JsonObject()
              .put("code", "invalid_parameters").put("message", "depth must be an integer")).encode());
      return;
    }
    context.response().putHeader("content-type", "application/json")
        .end(KalshiFrames.restOrderbook(book, depth).encode());
  }
}
