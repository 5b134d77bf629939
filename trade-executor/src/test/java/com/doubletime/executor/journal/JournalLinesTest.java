package com.doubletime.executor.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.market.MarketStatus;
import com.doubletime.domain.settlement.DivergenceKind;
import com.doubletime.domain.trade.ControlChange;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.PositionRedeemed;
import com.doubletime.domain.trade.PositionSettled;
import com.doubletime.domain.trade.PositionState;
import com.doubletime.domain.trade.ResolutionDivergence;
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

    @Test
    void aSettlementReadsBackExactlyAndNamesItsTrades() {
        PositionSettled settled = new PositionSettled(
                Fixtures.PAIR.id(),
                PositionState.SETTLED,
                Fixtures.TICKER,
                "no",
                0,
                Fixtures.PAIR.conditionId(),
                "NO",
                0,
                102,
                0,
                0,
                102,
                new BigDecimal("96.118000"),
                new BigDecimal("1.729930"),
                new BigDecimal("0.000000"),
                new BigDecimal("102.000000"),
                new BigDecimal("4.152070"),
                List.of(report.tradeId()),
                77);

        String line = TradeJournalJson.write(settled);

        JsonObject json = new JsonObject(line);
        assertEquals("settlement", json.getString("type"));
        assertEquals("settled", json.getString("state"));
        assertEquals("4.152070", json.getString("realizedPnl"));
        assertEquals("102.000000", json.getString("payouts"));
        assertEquals("0.0000", json.getJsonObject("kalshi").getString("yesPayout"));
        assertEquals(settled, JournalLines.read(line));
        assertEquals(
                "settlement:" + Fixtures.PAIR.id() + ":" + Fixtures.TICKER + ":" + Fixtures.PAIR.conditionId(),
                TradeJournalJson.eventId(settled));
    }

    @Test
    void aDivergenceIsAnAlertLineThatReadsBackAsItself() {
        ResolutionDivergence divergence = new ResolutionDivergence(
                Fixtures.PAIR.id(),
                DivergenceKind.BOTH_LEGS_LOSE,
                new ResolutionDivergence.VenueResult(Fixtures.TICKER, MarketStatus.SETTLED, "no", 0),
                new ResolutionDivergence.VenueResult(
                        Fixtures.PAIR.conditionId(), MarketStatus.SETTLED, "YES", 1_000_000),
                new BigDecimal("102.000000"),
                "both legs lose",
                5);
        ResolutionDivergence oneSided = new ResolutionDivergence(
                Fixtures.PAIR.id(),
                DivergenceKind.LEG_SETTLED_OTHER_OPEN,
                new ResolutionDivergence.VenueResult(Fixtures.TICKER, MarketStatus.SETTLED, "no", 0),
                new ResolutionDivergence.VenueResult(Fixtures.PAIR.conditionId(), MarketStatus.OPEN, null, -1),
                new BigDecimal("102.000000"),
                "one leg settled",
                6);

        String line = TradeJournalJson.write(divergence);

        JsonObject json = new JsonObject(line);
        assertEquals("alert", json.getString("type"));
        assertEquals("RESOLUTION_DIVERGENCE", json.getString("kind"));
        assertEquals("BOTH_LEGS_LOSE", json.getString("divergence"));
        assertEquals("102.000000", json.getString("moneyAtStake"));
        assertEquals("1.0000", json.getJsonObject("polymarket").getString("yesPayout"));
        assertEquals(divergence, JournalLines.read(line));
        assertEquals(oneSided, JournalLines.read(TradeJournalJson.write(oneSided)));
    }

    @Test
    void aRedemptionAndASettledTradeReadBack() {
        PositionRedeemed redeemed = new PositionRedeemed(
                Fixtures.PAIR.id(),
                Fixtures.PAIR.conditionId(),
                0,
                102_500_000,
                new BigDecimal("102.500000"),
                true,
                "0xabc",
                null,
                9);
        TradeReport settled = report.settled(new BigDecimal("4.152070"));

        assertEquals(redeemed, JournalLines.read(TradeJournalJson.write(redeemed)));
        JsonObject trade = new JsonObject(TradeJournalJson.write(settled));
        assertEquals("SETTLED", trade.getString("status"));
        assertEquals("4.152070", trade.getString("realizedPnl"));
        TradeReport readBack = (TradeReport) JournalLines.read(TradeJournalJson.write(report));
        assertEquals(readBack.settled(new BigDecimal("4.152070")), JournalLines.read(TradeJournalJson.write(settled)));
        assertFalse(TradeJournalJson.write(report).contains("realizedPnl"), "absent until settled");
    }
}
