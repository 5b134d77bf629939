package com.doubletime.executor;

import static com.doubletime.executor.fixtures.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.protocol.ControlCommand;
import com.doubletime.bus.protocol.ControlRefused;
import com.doubletime.bus.protocol.PositionsQuery;
import com.doubletime.bus.protocol.PositionsReport;
import com.doubletime.bus.protocol.TradesQuery;
import com.doubletime.domain.Direction;
import com.doubletime.domain.Platform;
import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.fixtures.ExecutorHarness;
import com.doubletime.executor.fixtures.FakeVenue;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.fixtures.JournalSamples;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, "journal and restart": the journal is folded by event id (a repeated line counts once), and any line that
 * cannot be read makes a damaged journal: the executor starts with the kill switch on, naming the file, the line and
 * what is wrong, until an operator acknowledges it (journaled); live mode refuses to start. Lines are read in bounded
 * memory (a zero-filled tail of 200 MB is one over-long line).
 */
@Timeout(60)
class DamagedJournalTest {
    private final ExecutorHarness executor = new ExecutorHarness();

    @TempDir
    Path dir;

    DamagedJournalTest() throws Exception {}

    @AfterEach
    void close() throws Exception {
        executor.close();
    }

    private Path journal() {
        return dir.resolve("trades.jsonl");
    }

    private ExecutorConfig paper() {
        return new ExecutorConfig(ExecutionMode.PAPER, new BigDecimal("1000"), journal());
    }

    private String deployPaper() throws Exception {
        return executor.deploy(
                new TradeExecutorVerticle(paper(), List.of(Fixtures.PAIR), null, () -> ExecutorHarness.NOW));
    }

    private static String line(JournalEntry entry) {
        return TradeJournalJson.write(entry) + "\n";
    }

    private void write(String... lines) throws Exception {
        Files.writeString(journal(), String.join("", lines), StandardCharsets.UTF_8);
    }

    private PositionsReport positions() throws Exception {
        return executor.vertx
                .eventBus()
                .<PositionsReport>request(Addresses.POSITIONS_QUERY, PositionsQuery.INSTANCE)
                .await(5, TimeUnit.SECONDS)
                .body();
    }

    private TradingControl status() throws Exception {
        return executor.control(new ControlCommand.Status());
    }

    @Test
    void aTradeLineCopiedTwiceCountsOnceInPositionsAndTrades() throws Exception {
        TradeReport report = JournalSamples.PAPER_REPORT;
        write(line(JournalSamples.PAPER_DECISION), line(report), line(report));

        deployPaper();

        PositionsReport.PairPosition pair = positions().pairs().get(0);
        assertEquals(report.kalshi().filledQuantity(), pair.kalshiYes(), "one trade, not two");
        assertEquals(1, executor.recentTrades(TradesQuery.ALL).size());
        assertNull(status().blockedBecause(), "a repeat is not damage: the executor trades");
    }

    @Test
    void aTradeLineWithABadDecimalStartsTheExecutorWithTheKillSwitchOnNamingFileLineAndProblem() throws Exception {
        String bad =
                line(JournalSamples.PAPER_REPORT).replace("\"totalCost\":\"97.847930\"", "\"totalCost\":\"97.8x7930\"");
        assertFalse(bad.equals(line(JournalSamples.PAPER_REPORT)), "the sample has the cost the test corrupts");
        write(line(JournalSamples.PAPER_DECISION), bad);

        deployPaper();

        TradingControl state = status();
        assertTrue(state.killSwitch());
        String why = state.blockedBecause();
        assertTrue(why.contains(journal() + " line 2"), why);
        assertTrue(why.contains("malformed trade entry"), why);
        assertTrue(why.contains("acknowledge"), why);
        executor.publishStandardBooks();
        executor.publishOpportunity("fed:K:1");
        TradeReport refused = executor.nextTrade();
        assertEquals(TradeStatus.REJECTED, refused.status());
        assertEquals(why, refused.reason());
    }

    @Test
    void invalidUtf8NamesTheFileAndTheLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(line(JournalSamples.PAPER_DECISION).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("{\"type\":\"trade\",\"tradeId\":\"".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3); // a UTF-8 lead byte followed by an ASCII byte: not UTF-8
        bytes.write('(');
        bytes.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(journal(), bytes.toByteArray());

        deployPaper(); // before: "could not start: Input length = 1"

        String why = status().blockedBecause();
        assertTrue(why.contains(journal() + " line 2: not valid UTF-8 at byte 28"), why);
    }

    @Test
    void aZeroFilledTailOfTwoHundredMegabytesIsOneOverLongLineReadInBoundedMemory() throws Exception {
        write(line(JournalSamples.PAPER_DECISION), line(JournalSamples.PAPER_REPORT));
        long size = Files.size(journal());
        try (RandomAccessFile file = new RandomAccessFile(journal().toFile(), "rw")) {
            file.setLength(size + 200L * 1024 * 1024); // sparse: zeroes, as a crash on a full disk leaves
        }

        deployPaper();

        String why = status().blockedBecause();
        assertTrue(why.contains(journal() + " line 3: 209715200 bytes long, over the 1048576-byte limit"), why);
        assertTrue(why.contains("NUL bytes"), why);
        assertEquals(
                JournalSamples.PAPER_REPORT.kalshi().filledQuantity(),
                positions().pairs().get(0).kalshiYes(),
                "the lines before it are read");
    }

    @Test
    void twoEntriesRunTogetherOnOneLineAreDamageNotTheFirstAlone() throws Exception {
        write(line(JournalSamples.PAPER_DECISION).trim() + line(JournalSamples.PAPER_REPORT));

        deployPaper();

        String why = status().blockedBecause();
        assertTrue(why.contains(journal() + " line 1: not JSON"), why);
    }

    @Test
    void liveModeRefusesToStartOnADamagedJournalNamingFileAndLine() throws Exception {
        write(line(JournalSamples.PAPER_DECISION), "{\"type\":\"trade\",\"tradeId\":\n");
        ExecutorConfig live = new ExecutorConfig(ExecutionMode.LIVE, new BigDecimal("1000"), journal());

        Exception failure = assertThrows(
                Exception.class,
                () -> executor.deployLive(
                        live,
                        List.of(Fixtures.PAIR),
                        null,
                        Map.of(
                                Platform.KALSHI,
                                new FakeVenue(Platform.KALSHI),
                                Platform.POLYMARKET,
                                new FakeVenue(Platform.POLYMARKET)),
                        System::nanoTime));

        String message = failure.getMessage();
        assertTrue(message.contains("the trade journal is damaged: " + journal() + " line 2"), message);
        assertTrue(message.contains("live mode does not start on a damaged journal"), message);
    }

    @Test
    void anOperatorAcknowledgesTheDamageWhichIsJournaledAndHoldsAcrossARestart() throws Exception {
        write(line(JournalSamples.PAPER_DECISION), "not json at all\n", line(JournalSamples.PAPER_REPORT));
        String first = deployPaper();
        ControlRefused early = assertInstanceOf(
                ControlRefused.class, executor.send(new ControlCommand.KillSwitch(false, "trying to skip the check")));
        assertEquals(ControlRefused.CONFLICT, early.status());
        assertTrue(early.error().contains("acknowledge"), early.error());
        JournalEntry damageAlert = executor.execution.poll(5, TimeUnit.SECONDS);
        assertEquals(
                ExecutionAlert.AlertKind.JOURNAL_DAMAGED,
                assertInstanceOf(ExecutionAlert.class, damageAlert).kind());

        TradingControl after = executor.control(new ControlCommand.Acknowledge("line 2 checked: a stray note"));

        assertFalse(after.killSwitch());
        assertNull(after.blockedBecause());
        List<String> lines = Files.readAllLines(journal());
        JsonObject acknowledged = new JsonObject(lines.get(lines.size() - 1));
        assertEquals("acknowledge", acknowledged.getString("action"));
        assertTrue(acknowledged.getString("reason").startsWith("line 2 checked: a stray note; acknowledged: "));
        assertTrue(acknowledged.getString("reason").contains(journal() + " line 2: not JSON"));

        executor.vertx.undeploy(first).await(10, TimeUnit.SECONDS);
        deployPaper();
        assertNull(status().blockedBecause(), "acknowledged damage does not stop the next start");
        executor.publishStandardBooks();
        executor.vertx
                .eventBus()
                .publish(
                        Addresses.OPPORTUNITIES,
                        Fixtures.detect(Fixtures.standardBooks(), Direction.KALSHI_YES_POLYMARKET_NO, "fed:K:9", T0));
        assertEquals(TradeStatus.FILLED, executor.nextTrade().status());
    }

    @Test
    void damageAfterTheLastAcknowledgementStopsTradingAgain() throws Exception {
        write(line(JournalSamples.PAPER_DECISION), "not json at all\n");
        String first = deployPaper();
        executor.control(new ControlCommand.Acknowledge(null));
        executor.vertx.undeploy(first).await(10, TimeUnit.SECONDS);
        int next = Files.readAllLines(journal()).size() + 1;
        Files.writeString(journal(), "{\"type\":\"nonsense\"}\n", StandardOpenOption.APPEND);

        deployPaper();

        String why = status().blockedBecause();
        assertTrue(why.contains(" line " + next + ": unknown entry type 'nonsense'"), why);
        assertFalse(why.contains("line 2"), why);
    }
}
