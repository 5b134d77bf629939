package com.doubletime.bench;

import com.doubletime.bench.WindowLatencies.Mark;
import com.doubletime.domain.Platform;
import com.doubletime.domain.capital.VenueCash;
import com.doubletime.domain.order.OrderRequest;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.VenueBalance;
import com.doubletime.domain.order.VenueOrder;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.order.VenuePosition;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.executor.journal.ReadBack;
import com.doubletime.executor.journal.TradeRepository;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.ClientMetrics;
import io.vertx.core.spi.metrics.HttpClientMetrics;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Where the wire-to-wire benchmark's breakdown marks come from, without touching the code under test: Vert.x's
 * metrics SPI (an entry order's HTTP request fully written by the client; its head read by the simulator's
 * server; client connections opened), a journal wrapper (the decision and the entry requests durable) and a
 * gateway wrapper (each entry order handed to its gateway, before signing). Every mark is
 * {@link System#nanoTime()} in the thread where it happens.
 */
final class WireToWireMarks {
    private static final String KALSHI_ORDERS = "/portfolio/events/orders";
    private static final String POLYMARKET_ORDER = "/order";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private WireToWireMarks() {}

    /** Metrics that only mark: pass to {@code Vertx.builder().withMetrics(..)} with metrics enabled. */
    static VertxMetricsFactory metrics(WindowLatencies latencies) {
        return options -> new VertxMetrics() {
            @Override
            public HttpClientMetrics<?, ?, ?> createHttpClientMetrics(HttpClientOptions clientOptions) {
                return new HttpClientMetrics<HttpRequest, Object, Object>() {
                    @Override
                    public ClientMetrics<HttpRequest, HttpRequest, HttpResponse> createEndpointMetrics(
                            SocketAddress remote, int maxPoolSize) {
                        return new ClientMetrics<>() {
                            @Override
                            public HttpRequest requestBegin(String uri, HttpRequest request) {
                                return request;
                            }

                            @Override
                            public void requestEnd(HttpRequest request, long bytesWritten) {
                                Mark mark = entryOrder(request, Mark.KALSHI_WRITTEN, Mark.POLYMARKET_WRITTEN);
                                if (mark != null) {
                                    latencies.mark(mark, System.nanoTime());
                                }
                            }
                        };
                    }

                    @Override
                    public Object connected(SocketAddress remoteAddress, String remoteName) {
                        latencies.connectionOpened(System.nanoTime());
                        return null;
                    }
                };
            }

            @Override
            public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(
                    HttpServerOptions serverOptions, SocketAddress local) {
                return requestHeads(request -> {
                    Mark mark = entryOrder(request, Mark.KALSHI_HEAD_IN, Mark.POLYMARKET_HEAD_IN);
                    if (mark != null) {
                        latencies.mark(mark, System.nanoTime());
                    }
                });
            }
        };
    }

    /** A server's metrics that hear each request's head as it is read, and nothing else. */
    static HttpServerMetrics<Object, Object, Object> requestHeads(Consumer<HttpRequest> head) {
        return new HttpServerMetrics<>() {
            @Override
            public Object requestBegin(Object socketMetric, HttpRequest request) {
                head.accept(request);
                return null;
            }
        };
    }

    /** A new order (POST) to either venue's order endpoint; cancels are DELETEs, reads GETs. */
    static Mark entryOrder(HttpRequest request, Mark kalshi, Mark polymarket) {
        if (request == null || request.method() != HttpMethod.POST) {
            return null;
        }
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (path.endsWith(KALSHI_ORDERS)) {
            return kalshi;
        }
        return path.equals(POLYMARKET_ORDER) ? polymarket : null;
    }

    /** The journal, marking when the decision and when a batch (the entry requests) is recorded as the orders need. */
    static TradeRepository journal(TradeRepository journal, WindowLatencies latencies) {
        return new TradeRepository() {
            @Override
            public Future<Void> append(JournalEntry entry) {
                Future<Void> written = journal.append(entry);
                return entry instanceof TradeDecision
                        ? written.onSuccess(done -> latencies.mark(Mark.DECISION_JOURNALED, System.nanoTime()))
                        : written;
            }

            @Override
            public Future<Void> appendAll(List<JournalEntry> entries) {
                return journal.appendAll(entries)
                        .onSuccess(done -> latencies.mark(Mark.REQUESTS_JOURNALED, System.nanoTime()));
            }

            /** The order path's write: marked when written (what the orders wait for), not when flushed. */
            @Override
            public Appended appendWritten(List<JournalEntry> entries) {
                Appended appended = journal.appendWritten(entries);
                Mark mark = entries.get(0) instanceof TradeDecision ? Mark.DECISION_JOURNALED : Mark.REQUESTS_JOURNALED;
                appended.written().onSuccess(done -> latencies.mark(mark, System.nanoTime()));
                return appended;
            }

            @Override
            public Future<List<JournalEntry>> recent(int limit) {
                return journal.recent(limit);
            }

            @Override
            public Future<Void> forEach(Consumer<JournalEntry> visitor) {
                return journal.forEach(visitor);
            }

            @Override
            public Future<Void> readBack(ReadBack readBack) {
                return journal.readBack(readBack);
            }

            @Override
            public Future<Void> close() {
                return journal.close();
            }
        };
    }

    /** The gateway, marking when an entry order is handed to it (before it signs anything). */
    static VenueOrderGateway gateway(VenueOrderGateway gateway, WindowLatencies latencies) {
        boolean kalshi = gateway.platform() == Platform.KALSHI;
        Mark mark = kalshi ? Mark.KALSHI_TO_GATEWAY : Mark.POLYMARKET_TO_GATEWAY;
        Mark returned = kalshi ? Mark.KALSHI_PLACE_RETURNED : Mark.POLYMARKET_PLACE_RETURNED;
        return new VenueOrderGateway() {
            @Override
            public Platform platform() {
                return gateway.platform();
            }

            @Override
            public CompletionStage<OrderResult> place(OrderRequest order) {
                String id = order.clientOrderId();
                boolean entry = id != null && (id.endsWith("-k-E0") || id.endsWith("-p-E0"));
                if (!entry) {
                    return gateway.place(order);
                }
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                latencies.mark(mark, start);
                CompletionStage<OrderResult> answer = gateway.place(order);
                latencies.mark(returned, System.nanoTime());
                latencies.placeCpu(kalshi, start, THREADS.getCurrentThreadCpuTime() - cpuStart);
                latencies.placedOn(Thread.currentThread().getName());
                return answer;
            }

            @Override
            public CompletionStage<OrderResult> cancel(String venueOrderId) {
                return gateway.cancel(venueOrderId);
            }

            @Override
            public CompletionStage<OrderResult> status(String venueOrderId) {
                return gateway.status(venueOrderId);
            }

            @Override
            public CompletionStage<OrderResult> findByClientOrderId(String clientOrderId, String instrument) {
                return gateway.findByClientOrderId(clientOrderId, instrument);
            }

            @Override
            public String orderIdBeforeSending(OrderRequest order) {
                return gateway.orderIdBeforeSending(order);
            }

            @Override
            public CompletionStage<OrderResult> findByVenueOrderId(String venueOrderId, String clientOrderId) {
                return gateway.findByVenueOrderId(venueOrderId, clientOrderId);
            }

            @Override
            public CompletionStage<List<VenueOrder>> ordersSince(long sinceEpochMillis) {
                return gateway.ordersSince(sinceEpochMillis);
            }

            @Override
            public CompletionStage<List<VenuePosition>> positions() {
                return gateway.positions();
            }

            @Override
            public CompletionStage<VenueCash> cash() {
                return gateway.cash();
            }

            @Override
            public CompletionStage<VenueCash> cashAfterDeposit() {
                return gateway.cashAfterDeposit();
            }

            @Override
            public CompletionStage<VenueBalance> balance() {
                return gateway.balance();
            }

            @Override
            public VenueOrderGateway onFillMismatch(Consumer<String> alerts) {
                gateway.onFillMismatch(alerts);
                return this;
            }
        };
    }
}
