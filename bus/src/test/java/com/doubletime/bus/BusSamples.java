package com.doubletime.bus;

import com.doubletime.domain.Direction;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.LegOrder;
import com.doubletime.domain.trade.LegPurpose;
import com.doubletime.domain.trade.LevelFill;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.OrderEventKind;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import java.math.BigDecimal;
import java.util.List;

/** Records as the executor produces them, for the codec tests. */
final class BusSamples {
    static final String TICKER = "KXFEDDECISION-26DEC-C25";
    static final String NO_TOKEN = "52114319501245915516055106046884209969926127482827954674443846427813813222426";

    private BusSamples() {}

    static TradeReport filledTrade() {
        return new TradeReport(
                "t-1",
                "fed:KALSHI_YES_POLYMARKET_NO:1",
                "fed-cut-dec26",
                Direction.KALSHI_YES_POLYMARKET_NO,
                ExecutionMode.PAPER,
                TradeStatus.FILLED,
                new LegFill(
                        new LegOrder(Platform.KALSHI, Outcome.YES, TICKER, 420_000),
                        150,
                        150,
                        List.of(new LevelFill(400_000, 50_000_000), new LevelFill(420_000, 100_000_000)),
                        new BigDecimal("62.000000"),
                        new BigDecimal("2.55")),
                new LegFill(
                        new LegOrder(Platform.POLYMARKET, Outcome.NO, NO_TOKEN, 530_000),
                        150,
                        150,
                        List.of(new LevelFill(520_000, 80_000_000), new LevelFill(530_000, 70_000_000)),
                        new BigDecimal("78.700000"),
                        new BigDecimal("1.49620")),
                new BigDecimal("144.74620"),
                new BigDecimal("5.25380"),
                null,
                1_764_054_000_000_000_000L,
                1_764_054_000_002_000_000L,
                1_764_054_000_004_000_000L);
    }

    static TradeReport rejectedLiveTrade() {
        return new TradeReport(
                "t-2",
                "fed:KALSHI_NO_POLYMARKET_YES:2",
                "fed-cut-dec26",
                Direction.KALSHI_NO_POLYMARKET_YES,
                ExecutionMode.LIVE,
                TradeStatus.REJECTED,
                LegFill.notSent(new LegOrder(Platform.KALSHI, Outcome.NO, TICKER, 360_000)),
                LegFill.notSent(new LegOrder(Platform.POLYMARKET, Outcome.YES, "7132", 610_000)),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                "the kill switch is on",
                1L,
                2L,
                3L);
    }

    static OrderEvent requested() {
        return new OrderEvent(
                "dt-t-1-k-E0:requested:0",
                "t-1",
                OrderEventKind.REQUESTED,
                LegPurpose.ENTRY,
                Platform.KALSHI,
                "dt-t-1-k-E0",
                null,
                OrderAction.BUY,
                Outcome.YES,
                TICKER,
                420_000,
                150_000_000,
                null,
                0,
                -1,
                BigDecimal.ZERO,
                null,
                5L);
    }

    static OrderEvent acknowledged() {
        return new OrderEvent(
                "dt-t-1-p-U1:acknowledged:1",
                "t-1",
                OrderEventKind.ACKNOWLEDGED,
                LegPurpose.UNWIND,
                Platform.POLYMARKET,
                "dt-t-1-p-U1",
                "0xabc",
                OrderAction.SELL,
                Outcome.NO,
                NO_TOKEN,
                480_000,
                30_000_000,
                OrderStatus.PARTIALLY_FILLED,
                12_000_000,
                490_000,
                new BigDecimal("0.00612"),
                "429: slow down",
                6L);
    }

    static ExecutionAlert alert(String tradeId) {
        return new ExecutionAlert(
                "t-1:unhedged", tradeId, ExecutionAlert.AlertKind.UNHEDGED, "30 contracts UNHEDGED on kalshi", 7L);
    }
}
