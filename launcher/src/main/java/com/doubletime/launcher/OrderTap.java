package com.doubletime.launcher;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * A loopback HTTP proxy in front of one simulated venue that records every order it forwards: how the fail-over
 * test and the chaos soak know what reached a venue, from which executor, and whether any order arrived twice.
 * Bytes are forwarded as they are (signatures stay valid); hop-by-hop headers are left out.
 */
public final class OrderTap {
    private static final Set<String> HOP = Set.of("host", "content-length", "transfer-encoding", "connection");
    private static final int BAD_GATEWAY = 502;

    /** One order request and the venue's HTTP status for it (0 when the venue never answered). */
    public record TappedOrder(JsonObject body, int status) {
        public boolean accepted() {
            return status / 100 == 2;
        }
    }

    private final List<JsonObject> orders = new CopyOnWriteArrayList<>();
    private final List<TappedOrder> answeredOrders = new CopyOnWriteArrayList<>();
    /** Every request as {@code METHOD uri}, in arrival order. */
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** Requests answered by the venue, as {@code METHOD path} (no query). */
    private final List<String> answered = new CopyOnWriteArrayList<>();

    /** While set, order requests reach the venue but their answers never reach the sender (a lost answer). */
    private final AtomicBoolean withholdOrderAnswers = new AtomicBoolean();

    private HttpServer server;

    private OrderTap() {}

    /** In front of the simulated Kalshi's REST port: records every order ({@code POST …/portfolio/events/orders}). */
    public static Future<OrderTap> kalshi(Vertx vertx, int restPort) {
        return start(
                vertx,
                restPort,
                r -> r.method().name().equals("POST") && r.path().endsWith("/portfolio/events/orders"));
    }

    /** In front of the simulated Polymarket CLOB: records every order ({@code POST /order}). */
    public static Future<OrderTap> polymarket(Vertx vertx, int clobPort) {
        return start(
                vertx,
                clobPort,
                r -> r.method().name().equals("POST") && r.path().equals("/order"));
    }

    /** Listens on a free loopback port and forwards to {@code targetPort}; {@code isOrder} picks what is recorded. */
    public static Future<OrderTap> start(Vertx vertx, int targetPort, Predicate<HttpServerRequest> isOrder) {
        OrderTap tap = new OrderTap();
        HttpClient client = vertx.createHttpClient();
        return vertx.createHttpServer()
                .requestHandler(request -> request.body()
                        .onSuccess(body -> tap.forward(client, targetPort, request, body, isOrder.test(request))))
                .listen(0, "127.0.0.1")
                .map(server -> {
                    tap.server = server;
                    return tap;
                });
    }

    private void forward(HttpClient client, int targetPort, HttpServerRequest request, Buffer body, boolean order) {
        JsonObject orderBody = order ? body.toJsonObject() : null;
        if (order) {
            orders.add(orderBody);
        }
        boolean withheld = order && withholdOrderAnswers.get();
        requests.add(request.method().name() + " " + request.uri());
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost("127.0.0.1")
                .setPort(targetPort)
                .setURI(request.uri())
                .setHeaders(MultiMap.caseInsensitiveMultiMap());
        copy(request.headers(), options.getHeaders());
        client.request(options)
                .compose(out -> out.send(body))
                .compose(response -> response.body().map(answer -> new Object[] {response, answer}))
                .onComplete(done -> {
                    if (withheld) {
                        answeredOrders.add(new TappedOrder(orderBody, done.succeeded() ? statusOf(done.result()) : 0));
                        return; // the venue took the order; its answer is lost on the way back
                    }
                    if (done.failed()) {
                        if (order) {
                            answeredOrders.add(new TappedOrder(orderBody, 0));
                        }
                        request.response().setStatusCode(BAD_GATEWAY).end().onFailure(gone -> {});
                        return;
                    }
                    HttpClientResponse response = (HttpClientResponse) done.result()[0];
                    answered.add(request.method().name() + " " + request.path());
                    if (order) {
                        answeredOrders.add(new TappedOrder(orderBody, response.statusCode()));
                    }
                    copy(response.headers(), request.response().headers());
                    request.response()
                            .setStatusCode(response.statusCode())
                            .end((Buffer) done.result()[1])
                            .onFailure(gone -> {});
                });
    }

    private static int statusOf(Object[] answered) {
        return ((HttpClientResponse) answered[0]).statusCode();
    }

    /** While {@code withhold}, order answers are dropped on the way back: the sender never learns what it sent did. */
    public void withholdOrderAnswers(boolean withhold) {
        withholdOrderAnswers.set(withhold);
    }

    private static void copy(MultiMap from, MultiMap to) {
        from.forEach((name, value) -> {
            if (!HOP.contains(name.toLowerCase(Locale.ROOT))) {
                to.add(name, value);
            }
        });
    }

    public int port() {
        return server.actualPort();
    }

    /** Every order request, as it arrived. */
    public List<JsonObject> orders() {
        return orders;
    }

    /** Every order request the venue answered (or failed to), with its HTTP status. */
    public List<TappedOrder> answeredOrders() {
        return answeredOrders;
    }

    public List<String> requests() {
        return requests;
    }

    public int answered(String method, String path) {
        return (int) answered.stream().filter((method + " " + path)::equals).count();
    }

    public Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
