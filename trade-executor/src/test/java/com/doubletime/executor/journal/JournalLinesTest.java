package com.doubletime.executor.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.trade.ControlChange;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.fixtures.JournalSamples;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal's line format read back from text: Jackson parses, the domain's {@link TradeJournalJson} maps. */
class JournalLinesTest {
    private static final TradeDecision decision = JournalSamples.PAPER_DECISION;
    private static final TradeReport report = JournalSamples.PAPER_REPORT;

    @Test
    void writesTradeWithDecimalStringsAndLevelFills() {
        JsonObject json = new JsonObject(TradeJournalJson.write(report));

        assertEquals("trade", json.getString("type"));
        assertEquals("paper", json.getString("mode"));
        assertEquals("FILLED", json.getString("status"));
        assertEquals("97.847930", json.getString("totalCost"));
        JsonObject kalshi = json.getJsonObject("kalshi");
        assertEquals(Fixtures.TICKER, kalshi.getString("ticker"));
        assertEquals("0.4200", kalshi.getString("limitPrice"));
        assertEquals("102", kalshi.getString("filledQuantity"));
        assertEquals("1.730000", kalshi.getString("fee"));
        assertEquals(
                "[[\"0.4000\",\"50\"],[\"0.4200\",\"52\"]]",
                kalshi.getJsonArray("fills").encode());
        assertEquals(Fixtures.NO_TOKEN, json.getJsonObject("polymarket").getString("tokenId"));
        assertFalse(TradeJournalJson.write(report).contains("\n"));
    }

    @Test
    void readsBackAControlChangeWithItsWholeState() {
        ControlChange change = new ControlChange(
                "kill-switch-on",
                TradingControl.initial(ExecutionMode.PAPER, RiskLimits.DEFAULT).withKillSwitch(true),
                "fat finger",
                42);

        String line = TradeJournalJson.write(change);

        assertTrue(line.startsWith("{\"type\":\"control\",\"action\":\"kill-switch-on\""), line);
        assertEquals(change, JournalLines.read(line));
    }

    @Test
    void readsBackWhatItWrote() {
        for (JournalEntry entry : List.of(decision, report)) {
            String line = TradeJournalJson.write(entry);
            JournalEntry back = JournalLines.read(line);
            assertEquals(entry.getClass(), back.getClass());
            assertEquals(line, TradeJournalJson.write(back));
        }
        TradeReport back = (TradeReport) JournalLines.read(TradeJournalJson.write(report));
        assertEquals(0, back.totalCost().compareTo(report.totalCost()));
        assertEquals(report.kalshi().levels(), back.kalshi().levels());
        assertEquals(decision.reason(), ((TradeDecision) JournalLines.read(TradeJournalJson.write(decision))).reason());
    }

    @Test
    void acceptsJsonNumbersForDecimalsFromAHandEditedLine() {
        JsonObject json = new JsonObject(TradeJournalJson.write(report)).put("totalCost", new BigDecimal("97.84793"));

        TradeReport back = (TradeReport) JournalLines.read(json.encode());

        assertEquals(0, new BigDecimal("97.84793").compareTo(back.totalCost()));
    }

    @Test
    void rejectsLinesThatAreNotEntries() {
        assertThrows(IllegalArgumentException.class, () -> JournalLines.read("{\"type\":\"trade\",\"tradeId\":\"x\""));
        assertThrows(IllegalArgumentException.class, () -> JournalLines.read("[1,2]"));
        IllegalArgumentException missing = assertThrows(
                IllegalArgumentException.class,
                () -> JournalLines.read("{\"type\":\"trade_decision\",\"tradeId\":\"x\"}"));
        assertTrue(missing.getMessage().startsWith("missing field"), missing.getMessage());
    }
}
