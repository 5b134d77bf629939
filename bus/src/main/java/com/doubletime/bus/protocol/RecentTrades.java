package com.doubletime.bus.protocol;

import com.doubletime.domain.trade.TradeReport;
import java.util.List;

/** The answer to a {@link TradesQuery}: trade reports, oldest first. */
public record RecentTrades(List<TradeReport> trades) {
    public RecentTrades {
        trades = List.copyOf(trades);
    }
}
