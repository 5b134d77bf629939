package com.doubletime.simulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The Polymarket venue: the {@code /ws/market} WebSocket and REST {@code /book}, on one HTTP server. */
final class PolymarketServer {

  static final String WS_PATH = "/ws/market";

  private final Vertx vertx;
  private final SimulatedBooks books;
  private final Runnable onSubscribed;
  private final Set<PolymarketConnection> connections = new LinkedHashSet<>();
  private HttpServer server;

  PolymarketServer(Vertx vertx, SimulatedBooks books, Runnable onSubscribed) {
    this.vertx = vertx;
    this.books = books;
    this.onSubscribed = onSubscribed;
  }

  /** Starts listening and returns the bound port. */
  Future<Integer> listen(String host, int port) {
    Router router = Router.router(vertx);
    router.get(WS_PATH).handler(this::acceptWebSocket);
    router.get("/book").handler(this::book);
    server = vertx.createHttpServer().requestHandler(router);
    return server.listen(port, host).map(HttpServer::actualPort);
  }

  void onPriceChange(PolymarketPriceChange change) {
    long now = System.currentTimeMillis();
    List.copyOf(connections).forEach(connection -> connection.publish(change, now));
  }

  Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void acceptWebSocket(RoutingContext context) {
    if (!context.request().canUpgradeToWebSocket()) {
      context.response().setStatusCode(400).end("WebSocket upgrade required");
      return;
    }
    context.request().toWebSocket().onSuccess(socket -> {
      PolymarketConnection connection = new PolymarketConnection(socket, books, onSubscribed);
      connections.add(connection);
      socket.textMessageHandler(connection::onText);
      socket.closeHandler(closed -> connections.remove(connection));
    });
  }

  private void book(RoutingContext context) {
    String tokenId = context.request().getParam("token_id");
    PolymarketBook book = tokenId == null ? null : books.polymarket(tokenId);
    context.response().putHeader("content-type", "application/json");
    if (tokenId == null || tokenId.isBlank()) {
      context.response().setStatusCode(400).end(PolymarketFrames.error("Invalid token id").encode());
    } else if (book == null) {
      context.response().setStatusCode(404)
          .end(PolymarketFrames.error("No orderbook exists for the requested token id").encode());
    } else {
      context.response().end(PolymarketFrames.summary(books.conditionId(tokenId), tokenId, book,
          System.currentTimeMillis()).encode());
    }
  }
}
