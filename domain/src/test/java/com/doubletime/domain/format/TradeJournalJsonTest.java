package com.doubletime.domain.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.trade.ControlChange;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.LegPurpose;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.OrderEventKind;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradingControl;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The journal's line format, written and read without a JSON library (the executor's tests read real lines). */
class TradeJournalJsonTest {
    private static final TradingControl KILLED =
            TradingControl.initial(ExecutionMode.PAPER, RiskLimits.DEFAULT).withKillSwitch(true);

    @Test
    void writesAControlChangeFieldByFieldWithTheLimitsInTheirWireForm() {
        String line = TradeJournalJson.write(new ControlChange("kill-switch-on", KILLED, "fat \"finger\"", 42));

        assertEquals(
                "{\"type\":\"control\",\"action\":\"kill-switch-on\",\"mode\":\"paper\",\"paused\":false,"
                        + "\"killSwitch\":true,\"riskLimits\":{\"maxNotionalPerTrade\":\"1000\",\"maxPositionPerPair\":50000,"
                        + "\"maxTotalExposure\":\"250000\",\"maxUnhedgedExposure\":\"1000\",\"dailyLossLimit\":\"500\","
                        + "\"maxTradesPerMinute\":60,\"minAnnualizedReturn\":\"0\"},\"reason\":\"fat \\\"finger\\\"\",\"atNanos\":42}",
                line);
    }

    @Test
    void theControlStateShowsWhyTradingIsBlockedOrNull() {
        assertTrue(TradeJournalJson.controlState(KILLED).contains("\"blockedBecause\":\"the kill switch is on\""));
        assertTrue(TradeJournalJson.controlState(KILLED.withKillSwitch(false)).contains("\"blockedBecause\":null"));
    }

    @Test
    void readsAParsedControlLineBackToTheSameChange() {
        Map<String, Object> limits = new LinkedHashMap<>(RiskLimits.DEFAULT.toMap());
        limits.put("maxPositionPerPair", 50_000); // a JSON reader's Integer
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "control");
        line.put("action", "kill-switch-on");
        line.put("mode", "paper");
        line.put("paused", false);
        line.put("killSwitch", true);
        line.put("riskLimits", limits);
        line.put("atNanos", 42L);

        assertEquals(new ControlChange("kill-switch-on", KILLED, null, 42), TradeJournalJson.read(line));
    }

    @Test
    void readsAnOrderEventWithNumbersWhereAHandEditWroteThem() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "order");
        line.put("eventId", "e1");
        line.put("tradeId", "t1");
        line.put("kind", "REQUESTED");
        line.put("purpose", "ENTRY");
        line.put("venue", "kalshi");
        line.put("clientOrderId", "dt-t1-k-E0");
        line.put("action", "BUY");
        line.put("outcome", "YES");
        line.put("instrument", "KX");
        line.put("limitPrice", "0.4200");
        line.put("quantity", "10");
        line.put("filledQuantity", "0");
        line.put("fees", new BigDecimal("0.01"));
        line.put("atNanos", 7L);

        OrderEvent event = (OrderEvent) TradeJournalJson.read(line);

        assertEquals(
                new OrderEvent(
                        "e1",
                        "t1",
                        OrderEventKind.REQUESTED,
                        LegPurpose.ENTRY,
                        Platform.KALSHI,
                        "dt-t1-k-E0",
                        null,
                        OrderAction.BUY,
                        Outcome.YES,
                        "KX",
                        420_000,
                        10_000_000,
                        null,
                        0,
                        -1,
                        new BigDecimal("0.01"),
                        null,
                        7),
                event);
    }

    @Test
    void namesTheMissingFieldAndTheMalformedEntry() {
        IllegalArgumentException missing =
                assertThrows(IllegalArgumentException.class, () -> TradeJournalJson.read(Map.of("type", "alert")));
        assertEquals("missing field 'eventId'", missing.getMessage());

        IllegalArgumentException malformed = assertThrows(
                IllegalArgumentException.class,
                () -> TradeJournalJson.read(Map.of(
                        "type", "trade_decision",
                        "tradeId", "t",
                        "opportunityId", "o",
                        "pairId", "p",
                        "direction", "KALSHI_YES_POLYMARKET_NO",
                        "verdict", "ACCEPTED",
                        "opportunityQuantity", "1.5",
                        "quantity", "1",
                        "kalshi", List.of())));
        assertTrue(malformed.getMessage().startsWith("malformed trade_decision entry"), malformed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TradeJournalJson.read(Map.of("type", "nope")));
    }

    @Test
    void anAlertWithoutATradeOmitsTheField() {
        String line = TradeJournalJson.write(
                new ExecutionAlert("a1", null, ExecutionAlert.AlertKind.POSITION_MISMATCH, "kalshi X: 1 vs 2", 9));

        assertEquals(
                "{\"type\":\"alert\",\"eventId\":\"a1\",\"kind\":\"POSITION_MISMATCH\",\"message\":\"kalshi X: 1 vs 2\","
                        + "\"atNanos\":9}",
                line);
    }
}
