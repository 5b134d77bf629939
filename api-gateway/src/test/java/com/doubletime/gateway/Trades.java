package com.doubletime.gateway;

import com.doubletime.domain.Direction;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.LegOrder;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import java.math.BigDecimal;

/** Trade reports as the executor answers them. */
final class Trades {
    private Trades() {}

    /** A paper trade the risk gate refused: both legs not sent. */
    static TradeReport rejected(String tradeId) {
        return new TradeReport(
                tradeId,
                Opportunities.PAIR_ID + ":KALSHI_YES_POLYMARKET_NO:1",
                Opportunities.PAIR_ID,
                Direction.KALSHI_YES_POLYMARKET_NO,
                ExecutionMode.PAPER,
                TradeStatus.REJECTED,
                LegFill.notSent(new LegOrder(
                        Platform.KALSHI, Outcome.YES, "KXFEDDECISION-26DEC-C25", FixedPoint.parse("0.42"))),
                LegFill.notSent(new LegOrder(
                        Platform.POLYMARKET, Outcome.NO, Opportunities.NO_TOKEN, FixedPoint.parse("0.53"))),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                "trading is paused",
                1_764_054_000_124_100_000L,
                1_764_054_000_125_000_000L,
                1_764_054_000_126_000_000L);
    }
}
