package com.doubletime.backtest;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.format.OpportunityJson;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The backtest summary, contracts §8: {@code {"frames":N,"opportunities":M,"runs":[…]}}, one run per latency in the
 * order given, money as decimal strings (at least six decimals, as the opportunity events write it). Beside §8's keys
 * (additive): {@code malformed}; per run {@code unfilled}, {@code annualizedReturn}, {@code missed} (windows not
 * traded in full, by why) and {@code pairs} (every configured pair, in the pairs file's order). Nothing in it depends on the machine or the wall clock: the same inputs
 * give the same bytes.
 */
final class SummaryJson {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private SummaryJson() {}

    static String write(BacktestResult result) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeNumberField("frames", result.frames());
            out.writeNumberField("opportunities", result.census().windows());
            out.writeNumberField("malformed", result.malformed());
            out.writeArrayFieldStart("runs");
            for (RunLedger run : result.runs()) {
                run(out, run, result);
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void run(JsonGenerator out, RunLedger run, BacktestResult result) throws IOException {
        out.writeStartObject();
        out.writeNumberField("latencyMs", run.latencyMillis());
        out.writeNumberField("trades", run.trades());
        out.writeNumberField("filled", run.filled());
        out.writeNumberField("partial", run.partial());
        out.writeNumberField("rejected", run.rejected());
        out.writeNumberField("unhedged", run.unhedged());
        out.writeStringField("capitalUsed", money(run.capitalUsed()));
        out.writeStringField("fees", money(run.fees()));
        out.writeStringField("pnl", money(run.pnl()));
        out.writeStringField("returnOnCapital", run.returnOnCapital().toPlainString());
        out.writeStringField("maxDrawdown", money(run.maxDrawdown()));
        out.writeNumberField("unfilled", run.unfilled());
        ratio(out, "annualizedReturn", run.annualizedReturn());
        out.writeObjectFieldStart("missed");
        for (MissReason why : MissReason.values()) {
            out.writeNumberField(why.key(), run.missed().getOrDefault(why, 0L));
        }
        out.writeEndObject();
        out.writeArrayFieldStart("pairs");
        for (MarketPair configured : result.settings().pairs()) {
            WindowCensus.PairWindows windows = result.census().byPair().get(configured.id());
            pair(
                    out,
                    configured.id(),
                    windows == null ? 0 : windows.windows,
                    run.pairs().get(configured.id()),
                    run);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void pair(JsonGenerator out, String pairId, long windows, RunLedger.PairLedger pair, RunLedger run)
            throws IOException {
        out.writeStartObject();
        out.writeStringField("pairId", pairId);
        out.writeNumberField("windows", windows);
        out.writeNumberField("trades", pair == null ? 0 : pair.trades);
        out.writeNumberField("filled", pair == null ? 0 : pair.filled);
        out.writeNumberField("partial", pair == null ? 0 : pair.partial);
        out.writeNumberField("rejected", pair == null ? 0 : pair.rejected);
        out.writeNumberField("unfilled", pair == null ? 0 : pair.unfilled);
        out.writeNumberField("unhedged", pair == null ? 0 : pair.unhedged);
        out.writeStringField("fees", money(pair == null ? BigDecimal.ZERO : pair.fees));
        out.writeStringField("pnl", money(pair == null ? BigDecimal.ZERO : pair.pnl));
        out.writeStringField("capitalUsed", money(pair == null ? BigDecimal.ZERO : pair.capitalUsed));
        out.writeStringField(
                "returnOnCapital",
                pair == null
                        ? RunLedger.returnOnCapital(BigDecimal.ZERO, BigDecimal.ZERO)
                                .toPlainString()
                        : RunLedger.returnOnCapital(pair.pnl, pair.capitalUsed).toPlainString());
        ratio(out, "annualizedReturn", pair == null ? null : run.annualizedReturn(pair));
        out.writeBooleanField("settled", pair != null && pair.settled);
        out.writeEndObject();
    }

    private static void ratio(JsonGenerator out, String name, BigDecimal value) throws IOException {
        if (value == null) {
            out.writeNullField(name);
        } else {
            out.writeStringField(name, value.toPlainString());
        }
    }

    static String money(BigDecimal value) {
        return OpportunityJson.money(value);
    }
}
