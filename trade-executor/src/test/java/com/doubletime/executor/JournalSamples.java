package com.doubletime.executor;

import com.doubletime.domain.Direction;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.trade.ControlChange;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.LegPurpose;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.OrderEventKind;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradingControl;
import java.math.BigDecimal;
import java.util.List;

/** Distinct journal entries of every kind, numbered so that each has its own event id. */
final class JournalSamples {
    /** A paper trade's decision and report on the standard books, max notional $100 (102 contracts). */
    static final TradeDecision PAPER_DECISION;

    static final TradeReport PAPER_REPORT;

    static {
        OrderbookSet books = Fixtures.standardBooks();
        PaperTrader trader = new PaperTrader(List.of(Fixtures.PAIR), Fixtures.config("100"), () -> "trade-1");
        PAPER_DECISION = trader.decide(
                Fixtures.detect(books, Direction.KALSHI_YES_POLYMARKET_NO, "fed:K:1", Fixtures.T0),
                books,
                Fixtures.T0 + 1);
        PAPER_REPORT = trader.fill(PAPER_DECISION, books, Fixtures.T0 + 2);
    }

    private JournalSamples() {}

    static TradeDecision decision(int n) {
        TradeDecision d = PAPER_DECISION;
        return new TradeDecision(
                "trade-" + n,
                d.opportunityId(),
                d.pairId(),
                d.direction(),
                d.accepted(),
                d.opportunityQuantity(),
                d.quantity(),
                d.kalshi(),
                d.polymarket(),
                d.reason(),
                d.detectedAtNanos(),
                d.decidedAtNanos());
    }

    static TradeReport report(int n) {
        TradeReport r = PAPER_REPORT;
        return new TradeReport(
                "trade-" + n,
                r.opportunityId(),
                r.pairId(),
                r.direction(),
                r.mode(),
                r.status(),
                r.kalshi(),
                r.polymarket(),
                r.totalCost(),
                r.realisedEdge(),
                r.reason(),
                r.detectedAtNanos(),
                r.decidedAtNanos(),
                r.executedAtNanos());
    }

    static OrderEvent order(int n) {
        return new OrderEvent(
                "trade-" + n + ":k:ACKNOWLEDGED",
                "trade-" + n,
                OrderEventKind.ACKNOWLEDGED,
                LegPurpose.ENTRY,
                Platform.KALSHI,
                "dt-trade-" + n + "-k",
                "ord-" + n,
                OrderAction.BUY,
                Outcome.YES,
                Fixtures.TICKER,
                Fixtures.fp("0.42"),
                Fixtures.fp("10"),
                OrderStatus.PARTIALLY_FILLED,
                Fixtures.fp("4"),
                Fixtures.fp("0.41"),
                new BigDecimal("0.07"),
                "it's \"partial\"",
                Fixtures.T0 + n);
    }

    static ExecutionAlert alert(int n) {
        return new ExecutionAlert(
                "alert-" + n,
                "trade-" + n,
                ExecutionAlert.AlertKind.UNHEDGED,
                "6 contracts UNHEDGED on kalshi",
                Fixtures.T0 + n);
    }

    static ControlChange control(int n) {
        return new ControlChange(
                "kill-switch-on",
                TradingControl.initial(ExecutionMode.LIVE, RiskLimits.DEFAULT).withKillSwitch(true),
                "test " + n,
                Fixtures.T0 + n);
    }

    /** Entry {@code n} of a mixed sequence: decision, order, alert, report, control, … */
    static JournalEntry mixed(int n) {
        return switch (n % 5) {
            case 0 -> decision(n);
            case 1 -> order(n);
            case 2 -> alert(n);
            case 3 -> report(n);
            default -> control(n);
        };
    }
}
