package com.doubletime.gateway;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.protocol.CapitalQuery;
import com.doubletime.bus.protocol.CapitalReport;
import com.doubletime.bus.protocol.MarketsQuery;
import com.doubletime.bus.protocol.MarketsReport;
import com.doubletime.bus.protocol.PositionsQuery;
import com.doubletime.bus.protocol.PositionsReport;
import com.doubletime.bus.protocol.RecentTrades;
import com.doubletime.bus.protocol.TradesQuery;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.trade.TradeReport;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * The state other services own, asked over the bus when requested: recent trades, positions and capital (the
 * executor), best asks per pair (the monitor); and the feeds' health as last reported.
 */
final class QueryApi {
    private final ServiceRequests services;
    private final FeedHealthBoard board;
    private final Supplier<List<MarketPair>> pairs;

    QueryApi(ServiceRequests services, FeedHealthBoard board, Supplier<List<MarketPair>> pairs) {
        this.services = services;
        this.board = board;
        this.pairs = pairs;
    }

    void mount(Router router) {
        router.get("/api/trades").handler(this::recentTrades);
        router.get("/api/positions")
                .handler(rc -> services.answer(
                        rc,
                        Addresses.POSITIONS_QUERY,
                        PositionsQuery.INSTANCE,
                        PositionsReport.class,
                        report -> PositionsJson.write(report).encode(),
                        ServiceRequests.TRADE_EXECUTOR));
        router.get("/api/capital")
                .handler(rc -> services.answer(
                        rc,
                        Addresses.CAPITAL_QUERY,
                        CapitalQuery.INSTANCE,
                        CapitalReport.class,
                        report -> CapitalJson.write(report).encode(),
                        ServiceRequests.TRADE_EXECUTOR));
        router.get("/api/markets")
                .handler(rc -> services.answer(
                        rc,
                        Addresses.MARKETS_QUERY,
                        MarketsQuery.INSTANCE,
                        MarketsReport.class,
                        report -> MarketsJson.write(report).encode(),
                        ServiceRequests.ARBITRAGE_MONITOR));
        router.get("/api/feeds/health")
                .handler(rc -> HttpJson.send(
                        rc, board.json(pairs.get(), System.currentTimeMillis()).encode()));
    }

    private void recentTrades(RoutingContext rc) {
        int limit = HttpJson.limit(rc, Integer.MAX_VALUE);
        TradesQuery query = rc.queryParams().contains("limit") ? new TradesQuery(limit) : TradesQuery.ALL;
        services.answer(
                rc,
                Addresses.TRADES_QUERY,
                query,
                RecentTrades.class,
                QueryApi::tradesJson,
                ServiceRequests.TRADE_EXECUTOR);
    }

    /** The trades as a JSON array of their journal lines, byte for byte. */
    private static String tradesJson(RecentTrades recent) {
        StringJoiner array = new StringJoiner(",", "[", "]");
        for (TradeReport report : recent.trades()) {
            array.add(TradeJournalJson.write(report));
        }
        return array.toString();
    }
}
