package com.doubletime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayToolTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ReplayToolTest.class.getResource("/" + name).toURI());
    }

    @Test
    void replaysACaptureThroughGapsDuplicatesMalformedFramesAndDisconnects() throws Exception {
        Path out = dir.resolve("opportunities.jsonl");
        Path books = dir.resolve("books.json");
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = ReplayTool.run(
                new String[] {
                    "--pairs",
                    resource("replay-pairs.yaml").toString(),
                    "--capture",
                    resource("replay-capture.jsonl").toString(),
                    "--out",
                    out.toString(),
                    "--dump-books",
                    books.toString()
                },
                System.out,
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(0, code, stderr.toString(StandardCharsets.UTF_8));

        List<String> lines = Files.readAllLines(out);
        assertEquals(4, lines.size(), String.join("\n", lines));
        JsonNode opened = JSON.readTree(lines.get(0));
        assertEquals("opportunity", opened.get("type").asText());
        assertEquals(
                "fed-cut-dec26:KALSHI_YES_POLYMARKET_NO:1", opened.get("id").asText());
        assertEquals("120", opened.get("quantity").asText());
        assertEquals("0.4200", opened.at("/kalshi/limitPrice").asText());
        assertEquals("50.400000", opened.at("/kalshi/cost").asText());
        assertEquals("2.050000", opened.at("/kalshi/fee").asText());
        assertEquals("NO", opened.at("/polymarket/outcome").asText());
        assertEquals("5211", opened.at("/polymarket/tokenId").asText());
        assertEquals("0.5300", opened.at("/polymarket/limitPrice").asText());
        assertEquals("63.600000", opened.at("/polymarket/cost").asText());
        assertEquals("1.195680", opened.at("/polymarket/fee").asText());
        assertEquals("117.245680", opened.get("totalCost").asText());
        assertEquals("2.754320", opened.get("edge").asText());
        assertEquals("0.022952", opened.get("edgePerContract").asText());
        assertEquals(2100, opened.get("detectedAtNanos").asLong());

        JsonNode closedByGap = JSON.readTree(lines.get(1));
        assertEquals("opportunity_closed", closedByGap.get("type").asText());
        assertEquals(opened.get("id"), closedByGap.get("id"));
        assertEquals(900, closedByGap.get("lifetimeNanos").asLong());

        JsonNode reopened = JSON.readTree(lines.get(2));
        assertEquals(
                "fed-cut-dec26:KALSHI_YES_POLYMARKET_NO:2", reopened.get("id").asText());
        assertEquals(4000, reopened.get("detectedAtNanos").asLong());
        JsonNode closedByDisconnect = JSON.readTree(lines.get(3));
        assertEquals(1000, closedByDisconnect.get("lifetimeNanos").asLong());

        JsonNode summary = JSON.readTree(stderr.toString(StandardCharsets.UTF_8).strip());
        assertEquals(11, summary.get("frames").asLong());
        assertEquals(4, summary.get("opportunities").asLong());
        assertEquals(2, summary.get("malformed").asLong());
        long byReason = 0;
        for (JsonNode count : summary.get("malformedByReason")) {
            byReason += count.asLong();
        }
        assertEquals(2, byReason, "every malformed frame is counted under a reason: " + summary);
        assertEquals(1, summary.get("gaps").asLong());
        assertTrue(summary.at("/latencyNanos/p99").asLong() > 0);
        // the two frames that opened an opportunity (the closes are not counted)
        assertEquals(2, summary.get("windowFrames").asLong());
        assertTrue(summary.at("/windowLatencyNanos/p99").asLong() > 0);

        JsonNode dump = JSON.readTree(books.toFile());
        JsonNode kalshi = dump.at("/kalshi/KXFED-26DEC-C25");
        assertEquals("0.5800", kalshi.at("/no/0/0").asText());
        assertEquals("120.00", kalshi.at("/no/0/1").asText());
        assertEquals("0.3000", kalshi.at("/yes/0/0").asText());
        assertEquals(false, kalshi.get("stale").asBoolean());
        JsonNode no = dump.at("/polymarket/5211");
        assertEquals("0.53", no.at("/asks/0/0").asText());
        assertEquals(true, no.get("stale").asBoolean());
    }

    @Test
    void replaysACaptureWithCrlfEndingsPastALineOfInvalidUtf8() throws Exception {
        Path lfOut = dir.resolve("lf.jsonl");
        ByteArrayOutputStream lfStderr = new ByteArrayOutputStream();
        assertEquals(
                0,
                ReplayTool.run(
                        new String[] {
                            "--pairs",
                            resource("replay-pairs.yaml").toString(),
                            "--capture",
                            resource("replay-capture.jsonl").toString(),
                            "--out",
                            lfOut.toString()
                        },
                        System.out,
                        new PrintStream(lfStderr, true, StandardCharsets.UTF_8)));

        List<String> lines = Files.readAllLines(resource("replay-capture.jsonl"));
        ByteArrayOutputStream crlf = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            if (i == 3) {
                // a byte no UTF-8 text has, inside a frame: a reader decoding the file as text stops here
                crlf.writeBytes("{\"venue\":\"kalshi\",\"recv_ns\":1150,\"frame\":\"{\\\"type\\\":\\\"x"
                        .getBytes(StandardCharsets.UTF_8));
                crlf.write(0xFF);
                crlf.writeBytes("\\\"}\"}\r\n".getBytes(StandardCharsets.UTF_8));
            }
            crlf.writeBytes(lines.get(i).getBytes(StandardCharsets.UTF_8));
            if (i < lines.size() - 1) {
                crlf.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        Path capture = dir.resolve("crlf.jsonl");
        Files.write(capture, crlf.toByteArray());
        Path out = dir.resolve("crlf-opportunities.jsonl");
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = ReplayTool.run(
                new String[] {
                    "--pairs",
                    resource("replay-pairs.yaml").toString(),
                    "--capture",
                    capture.toString(),
                    "--out",
                    out.toString()
                },
                System.out,
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(0, code, stderr.toString(StandardCharsets.UTF_8));

        assertEquals(Files.readAllLines(lfOut), Files.readAllLines(out));
        assertEquals(4, Files.readAllLines(out).size());
        JsonNode lf = JSON.readTree(lfStderr.toString(StandardCharsets.UTF_8).strip());
        JsonNode summary = JSON.readTree(stderr.toString(StandardCharsets.UTF_8).strip());
        assertEquals(lf.get("frames").asLong() + 1, summary.get("frames").asLong());
        assertEquals(lf.get("malformed").asLong() + 1, summary.get("malformed").asLong());
        assertEquals(3, summary.get("malformed").asLong());
        assertEquals(1, summary.get("gaps").asLong());
    }

    @Test
    void readsNoLevelsInYesTermsWhenTheCaptureWasRecordedSo() throws Exception {
        Path capture = dir.resolve("yes-priced.jsonl");
        Files.writeString(
                capture,
                "{\"venue\":\"kalshi\",\"recv_ns\":1,\"frame\":\"{\\\"type\\\":\\\"orderbook_snapshot\\\","
                        + "\\\"sid\\\":1,\\\"seq\\\":1,\\\"msg\\\":{\\\"market_ticker\\\":\\\"KXFED-26DEC-C25\\\","
                        + "\\\"no_dollars_fp\\\":[[\\\"0.4200\\\",\\\"120.00\\\"]]}}\"}\n");
        Path books = dir.resolve("books.json");
        int code = ReplayTool.run(
                new String[] {
                    "--pairs",
                    resource("replay-pairs.yaml").toString(),
                    "--capture",
                    capture.toString(),
                    "--dump-books",
                    books.toString(),
                    "--kalshi-use-yes-price"
                },
                new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream()));
        assertEquals(0, code);
        // sent as the YES ask 0.42, shown as the venue's NO bid 0.58
        assertEquals(
                "0.5800",
                JSON.readTree(books.toFile())
                        .at("/kalshi/KXFED-26DEC-C25/no/0/0")
                        .asText());
    }

    @Test
    void theWindowWarmUpLeavesTheOpportunitiesTheirIdsAndCountsAsWithout() throws Exception {
        String pairs = resource("replay-pairs.yaml").toString();
        String capture = resource("replay-capture.jsonl").toString();
        Replayed without = replay("--pairs", pairs, "--capture", capture, "--window-warm-up", "0");
        Replayed with = replay("--pairs", pairs, "--capture", capture, "--window-warm-up", "50");

        assertEquals(0, with.code(), with.stderr());
        assertEquals(4, without.opportunities().size());
        assertEquals(without.opportunities(), with.opportunities());
        JsonNode summaryWithout = JSON.readTree(without.stderr().strip());
        JsonNode summaryWith = JSON.readTree(with.stderr().strip());
        for (String field : List.of("frames", "opportunities", "windowFrames", "malformed")) {
            assertEquals(summaryWithout.get(field), summaryWith.get(field), field);
        }
    }

    @Test
    void rejectsANegativeWindowWarmUp() throws Exception {
        Replayed replayed = replay(
                "--pairs",
                resource("replay-pairs.yaml").toString(),
                "--capture",
                resource("replay-capture.jsonl").toString(),
                "--window-warm-up",
                "-1");
        assertEquals(2, replayed.code());
        assertTrue(replayed.stderr().contains("--window-warm-up must be 0 or more, got -1"), replayed.stderr());
    }

    @Test
    void rejectsABadPairsFileWithAClearMessage() throws Exception {
        Path pairs = dir.resolve("pairs.json");
        Files.writeString(pairs, "{\"pairs\":[{\"id\":\"x\",\"kalshi\":{\"ticker\":\"T\"},\"polarity\":\"same\"}]}");
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = ReplayTool.run(
                new String[] {"--pairs", pairs.toString(), "--capture", pairs.toString()},
                System.out,
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("pair 'x', field 'polymarket'"), stderr.toString());
    }

    /** The test capture split the way run --record writes it: one file per venue (lines that are neither to kalshi). */
    private Path recordedDirectory() throws Exception {
        Path recorded = dir.resolve("recorded");
        Files.createDirectories(recorded);
        StringBuilder kalshi = new StringBuilder();
        StringBuilder polymarket = new StringBuilder();
        for (String line : Files.readAllLines(resource("replay-capture.jsonl"))) {
            (line.contains("\"polymarket\"") ? polymarket : kalshi).append(line).append('\n');
        }
        Files.writeString(recorded.resolve("kalshi.jsonl"), kalshi);
        Files.writeString(recorded.resolve("polymarket.jsonl"), polymarket);
        return recorded;
    }

    private record Replayed(int code, List<String> opportunities, String stderr) {}

    private Replayed replay(String... args) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".jsonl");
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--out";
        all[args.length + 1] = out.toString();
        int code = ReplayTool.run(
                all,
                new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return new Replayed(code, Files.readAllLines(out), stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void replaysTheDirectoryRunRecordWritesMergingItsVenueFilesByReceiveTime() throws Exception {
        Replayed single = replay(
                "--pairs",
                resource("replay-pairs.yaml").toString(),
                "--capture",
                resource("replay-capture.jsonl").toString());
        Replayed merged = replay(
                "--pairs",
                resource("replay-pairs.yaml").toString(),
                "--capture",
                recordedDirectory().toString());

        assertEquals(0, merged.code(), merged.stderr());
        assertEquals(4, merged.opportunities().size(), merged.stderr());
        assertEquals(single.opportunities(), merged.opportunities());
        assertFalse(merged.stderr().contains("warning"), merged.stderr());
    }

    @Test
    void warnsWhenTheCaptureHoldsOneVenueOnlyAndSaysToPassTheDirectory() throws Exception {
        Replayed kalshiOnly = replay(
                "--pairs",
                resource("replay-pairs.yaml").toString(),
                "--capture",
                recordedDirectory().resolve("kalshi.jsonl").toString());

        assertEquals(0, kalshiOnly.code(), kalshiOnly.stderr());
        assertEquals(List.of(), kalshiOnly.opportunities());
        assertTrue(
                kalshiOnly.stderr().contains("replay: warning: the capture holds Kalshi frames only"),
                kalshiOnly.stderr());
        assertTrue(kalshiOnly.stderr().contains("--capture DIR"), kalshiOnly.stderr());
    }

    @Test
    void warnsWhenAFileGoesBackInTimeAsTwoVenueFilesJoinedTogetherDo() throws Exception {
        Path recorded = recordedDirectory();
        Path joined = dir.resolve("joined.jsonl");
        Files.writeString(
                joined,
                Files.readString(recorded.resolve("kalshi.jsonl"))
                        + Files.readString(recorded.resolve("polymarket.jsonl")));

        Replayed replayed = replay("--pairs", resource("replay-pairs.yaml").toString(), "--capture", joined.toString());

        assertTrue(replayed.stderr().contains(joined + " is out of order: recv_ns goes back"), replayed.stderr());
        assertTrue(replayed.stderr().contains("--capture DIR merges its venue files by recv_ns"), replayed.stderr());
    }

    @Test
    void exitsNonZeroWithTheCountsWhenNoFrameCouldBeRead() throws Exception {
        Path garbage = dir.resolve("garbage.jsonl");
        Files.writeString(garbage, "not a capture\n{\"venue\":\"kalshi\"\n\u0000\u0001\n");

        Replayed replayed =
                replay("--pairs", resource("replay-pairs.yaml").toString(), "--capture", garbage.toString());

        assertEquals(1, replayed.code(), replayed.stderr());
        assertTrue(
                replayed.stderr().contains("no frame could be read from " + garbage + " (3 lines, 3 malformed)"),
                replayed.stderr());
        assertTrue(replayed.stderr().contains("\"frames\":3,\"opportunities\":0,\"malformed\":3"), replayed.stderr());
    }

    @Test
    void listsItsOptionsOnHelpAndNamesAnUnknownOptionAsUnknown() throws Exception {
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        assertEquals(
                0,
                ReplayTool.run(
                        new String[] {"--help"}, new PrintStream(help, true, StandardCharsets.UTF_8), System.err));
        assertTrue(help.toString(StandardCharsets.UTF_8).contains("--capture=FILE|DIR"), help.toString());

        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        assertEquals(
                2,
                ReplayTool.run(
                        new String[] {"--bogus"}, System.out, new PrintStream(stderr, true, StandardCharsets.UTF_8)));
        assertTrue(
                stderr.toString(StandardCharsets.UTF_8).contains("replay: unknown option '--bogus'"),
                stderr.toString());
        Replayed missing = replay(
                "--pairs",
                resource("replay-pairs.yaml").toString(),
                "--capture",
                dir.resolve("nothing-here").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.stderr().contains("no capture file or directory at"), missing.stderr());
    }
}
