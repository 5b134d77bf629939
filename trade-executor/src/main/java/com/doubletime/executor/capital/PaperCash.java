package com.doubletime.executor.capital;

import com.doubletime.domain.Platform;
import com.doubletime.domain.capital.ShardCash;
import com.doubletime.domain.capital.VenueCash;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.PositionSettled;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.executor.lifecycle.MarketBoard;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The paper account: configured starting cash per venue, drawn down by each paper trade (both legs' cost and fees)
 * and paid back at settlement (what the contracts pay), so paper trading meets the same capital limits as live.
 * Rebuilt from the journal at start (the same reports and settlements), so a restart shows the same cash.
 *
 * <p>Kalshi money is kept per market and put on a shard when asked: a market's shard ({@code exchange_index}) comes
 * from the feeds, which may report it after the journal was read. Single writer.
 */
public final class PaperCash {
    private final Map<Integer, BigDecimal> kalshiStart;
    private final BigDecimal polymarketStart;
    /** Net money per Kalshi ticker: − what trades spent, + what settlements paid. */
    private final Map<String, BigDecimal> kalshiByTicker = new HashMap<>();

    private BigDecimal polymarketNet = BigDecimal.ZERO;

    public PaperCash(CapitalSettings settings) {
        this.kalshiStart = settings.paperKalshiCash();
        this.polymarketStart = settings.paperPolymarketCash();
    }

    /** A paper trade's legs are paid for (a live trade in the journal is not this account's). */
    public void spend(TradeReport report) {
        if (report.mode() != ExecutionMode.PAPER) {
            return;
        }
        LegFill k = report.kalshi();
        LegFill p = report.polymarket();
        BigDecimal kalshi = k.cost().add(k.fee());
        if (kalshi.signum() != 0) {
            kalshiByTicker.merge(k.order().instrument(), kalshi.negate(), BigDecimal::add);
        }
        polymarketNet = polymarketNet.subtract(p.cost()).subtract(p.fee());
    }

    /** A settled position pays its contracts back. */
    public void receive(PositionSettled settled) {
        kalshiByTicker.merge(settled.kalshiMarket(), settled.kalshiPayout(), BigDecimal::add);
        polymarketNet = polymarketNet.add(settled.polymarketPayout());
    }

    /** The account as a venue would report it now; Kalshi per shard, markets placed on their shards by the board. */
    public VenueCash cash(Platform platform, MarketBoard markets, long asOfMillis) {
        if (platform == Platform.POLYMARKET) {
            return VenueCash.polymarket(polymarketStart.add(polymarketNet), null, asOfMillis);
        }
        Map<Integer, BigDecimal> shards = new TreeMap<>(kalshiStart);
        kalshiByTicker.forEach((ticker, net) -> shards.merge(markets.kalshiShard(ticker), net, BigDecimal::add));
        List<ShardCash> breakdown = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<Integer, BigDecimal> shard : shards.entrySet()) {
            breakdown.add(new ShardCash(shard.getKey(), shard.getValue()));
            total = total.add(shard.getValue());
        }
        return VenueCash.kalshi(total, breakdown, asOfMillis);
    }
}
