package com.doubletime.backtest;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The backtest report: one HTML file that opens offline — uPlot (the dashboard's chart library, vendored from its
 * webjar at build time) and the report's own style and script inlined, the data in a JSON block. What it shows: the
 * runs side by side (a row per latency), cumulative P&amp;L over capture time (a line per latency), P&amp;L against
 * latency, how long the capture's windows stayed open, the edge per contract they opened with, a table per pair, and
 * the windows not traded in full with why. Money in dollars and cents, token ids shortened; the tables are plain
 * HTML, so they read without the script.
 */
public final class ReportHtml {
    /** Points per line of the P&amp;L chart at most: a long capture's curve is thinned to its last value per step. */
    static final int CURVE_POINTS = 2000;

    /** Upper bounds of the lifetime buckets, nanoseconds; the last bucket is open-ended. */
    static final long[] LIFETIME_BOUNDS = {
        TimeUnit.MILLISECONDS.toNanos(1),
        TimeUnit.MILLISECONDS.toNanos(10),
        TimeUnit.MILLISECONDS.toNanos(100),
        TimeUnit.SECONDS.toNanos(1),
        TimeUnit.SECONDS.toNanos(10),
        TimeUnit.MINUTES.toNanos(1)
    };

    static final String[] LIFETIME_LABELS = {"< 1 ms", "1–10 ms", "10–100 ms", "0.1–1 s", "1–10 s", "10–60 s", "≥ 1 min"
    };

    /** Upper bounds of the edge-per-contract buckets, fixed-point dollars; the last bucket is open-ended. */
    static final long[] EDGE_BOUNDS = {5_000, 10_000, 20_000, 30_000, 50_000, 100_000};

    static final String[] EDGE_LABELS = {"< 0.5¢", "0.5–1¢", "1–2¢", "2–3¢", "3–5¢", "5–10¢", "≥ 10¢"};

    /** A list of missed windows this short is shown open; a longer one is folded (its counts are above it). */
    private static final int OPEN_LIST_ROWS = 20;
    /** A miss's detail is cut here in the table; all of it is in the cell's tooltip. */
    private static final int DETAIL_CHARACTERS = 160;

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final Pattern LONG_NUMBER = Pattern.compile("\\b\\d{20,}\\b");
    private static final Pattern LONG_HEX = Pattern.compile("\\b0x[0-9a-fA-F]{20,}\\b");
    private static final int SHOWN_HEAD = 6;
    private static final int SHOWN_TAIL = 4;
    private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final int CENTS = 2;
    private static final int PERCENT_DECIMALS = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);

    private ReportHtml() {}

    public static String write(BacktestResult result) {
        StringBuilder html = new StringBuilder(1 << 16);
        html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Double Time backtest — ")
                .append(escape(captureName(result)))
                .append("</title>\n<style>\n")
                .append(resource("report/vendor/uplot/uPlot.min.css"))
                .append("\n</style>\n<style>\n")
                .append(resource("report/report.css"))
                .append("\n</style>\n</head>\n<body>\n");
        header(html, result);
        runs(html, result);
        charts(html);
        pairs(html, result);
        missed(html, result);
        model(html, result);
        html.append("<script type=\"application/json\" id=\"backtest-data\">")
                .append(data(result).replace("</", "<\\/"))
                .append("</script>\n<script>\n")
                .append(resource("report/vendor/uplot/uPlot.iife.min.js"))
                .append("\n</script>\n<script>\n")
                .append(resource("report/report.js"))
                .append("\n</script>\n</body>\n</html>\n");
        return html.toString();
    }

    // ---- the sections

    private static void header(StringBuilder html, BacktestResult result) {
        html.append("<header>\n<h1>Backtest <span class=\"capture\">")
                .append(escape(captureName(result)))
                .append("</span></h1>\n<p class=\"facts\">");
        fact(html, count(result.settings().pairs().size()), "pairs");
        fact(html, count(result.frames()), "frames");
        if (result.malformed() > 0) {
            fact(html, count(result.malformed()), "malformed");
        }
        fact(html, count(result.census().windows()), "windows");
        if (result.endNanos() > 0) {
            html.append("<span>")
                    .append(escape(UTC.format(instant(result.startNanos()))))
                    .append(" → ")
                    .append(escape(UTC.format(instant(result.endNanos()))))
                    .append(" (")
                    .append(escape(duration(result.endNanos() - result.startNanos())))
                    .append(")</span>");
        }
        html.append("</p>\n");
        for (String warning : result.warnings()) {
            html.append("<p class=\"warning\">")
                    .append(escape(shorten(warning)))
                    .append("</p>\n");
        }
        html.append("</header>\n");
    }

    private static void fact(StringBuilder html, String value, String what) {
        html.append("<span><b>").append(value).append("</b> ").append(what).append("</span>");
    }

    private static void runs(StringBuilder html, BacktestResult result) {
        html.append("<section id=\"runs\">\n<h2>One run per latency</h2>\n<div class=\"scroll\"><table>\n<thead><tr>")
                .append("<th>latency</th><th>trades</th><th>filled</th><th>partial</th><th>rejected</th>")
                .append("<th>unfilled</th><th>unhedged</th><th>capital used</th><th>fees</th><th>P&amp;L</th>")
                .append("<th>return on capital</th><th>annualised</th><th>max drawdown</th></tr></thead>\n<tbody>\n");
        for (RunLedger run : result.runs()) {
            html.append("<tr class=\"run\" data-latency=\"")
                    .append(run.latencyMillis())
                    .append("\"><td>")
                    .append(run.latencyMillis())
                    .append(" ms</td>");
            cells(html, run.trades(), run.filled(), run.partial(), run.rejected(), run.unfilled(), run.unhedged());
            moneyCell(html, run.capitalUsed());
            moneyCell(html, run.fees());
            moneyCell(html, run.pnl());
            html.append("<td>")
                    .append(percent(run.returnOnCapital()))
                    .append("</td><td>")
                    .append(percent(run.annualizedReturn()))
                    .append("</td>");
            moneyCell(html, run.maxDrawdown());
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>\n</section>\n");
    }

    private static void charts(StringBuilder html) {
        html.append("<section id=\"charts\">\n");
        chart(html, "chart-pnl-time", "Cumulative P&amp;L over capture time, one line per latency");
        chart(html, "chart-pnl-latency", "P&amp;L against latency");
        chart(html, "chart-lifetimes", "How long the windows stayed open (plain replay)");
        chart(html, "chart-edges", "Edge per contract each window opened with");
        html.append("</section>\n");
    }

    private static void chart(StringBuilder html, String id, String caption) {
        html.append("<figure><figcaption>")
                .append(caption)
                .append("</figcaption><div class=\"chart\" id=\"")
                .append(id)
                .append("\" data-points=\"0\"></div></figure>\n");
    }

    private static void pairs(StringBuilder html, BacktestResult result) {
        html.append("<section id=\"pairs\">\n<h2>Per pair</h2>\n<div class=\"scroll\"><table>\n<thead><tr>")
                .append("<th>pair</th><th>latency</th><th>windows</th><th>trades</th><th>filled</th>")
                .append("<th>partial</th><th>rejected</th><th>P&amp;L</th><th>capital</th>")
                .append("<th>return</th><th>annualised</th></tr></thead>\n<tbody>\n");
        for (MarketPair pair : result.settings().pairs()) {
            WindowCensus.PairWindows windows = result.census().byPair().get(pair.id());
            long opened = windows == null ? 0 : windows.windows;
            boolean first = true;
            for (RunLedger run : result.runs()) {
                RunLedger.PairLedger traded = run.pairs().get(pair.id());
                html.append("<tr class=\"pair\" data-pair=\"")
                        .append(escape(pair.id()))
                        .append("\">");
                if (first) {
                    html.append("<th rowspan=\"")
                            .append(result.runs().size())
                            .append("\" title=\"")
                            .append(escape(pair.kalshiTicker() + " / " + shortId(pair.conditionId())))
                            .append("\">")
                            .append(escape(pair.id()))
                            .append("</th>");
                }
                html.append("<td>").append(run.latencyMillis()).append(" ms</td>");
                if (traded == null) {
                    cells(html, opened, 0, 0, 0, 0);
                    moneyCell(html, BigDecimal.ZERO);
                    moneyCell(html, BigDecimal.ZERO);
                    html.append("<td>–</td><td>–</td>");
                } else {
                    cells(html, opened, traded.trades, traded.filled, traded.partial, traded.rejected);
                    moneyCell(html, traded.pnl);
                    moneyCell(html, traded.capitalUsed);
                    html.append("<td>")
                            .append(percent(RunLedger.returnOnCapital(traded.pnl, traded.capitalUsed)))
                            .append("</td><td>")
                            .append(percent(run.annualizedReturn(traded)))
                            .append(traded.settled ? " <span class=\"tag\">settled</span>" : "")
                            .append("</td>");
                }
                html.append("</tr>\n");
                first = false;
            }
        }
        html.append("</tbody></table></div>\n</section>\n");
    }

    private static void missed(StringBuilder html, BacktestResult result) {
        html.append("<section id=\"missed\">\n<h2>Windows not traded in full, and why</h2>\n")
                .append("<div class=\"scroll\"><table class=\"why\">\n<thead><tr><th>why</th>");
        for (RunLedger run : result.runs()) {
            html.append("<th>").append(run.latencyMillis()).append(" ms</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (MissReason why : MissReason.values()) {
            html.append("<tr><th>").append(escape(why.words())).append("</th>");
            for (RunLedger run : result.runs()) {
                html.append("<td>")
                        .append(count(run.missed().getOrDefault(why, 0L)))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>\n");
        for (RunLedger run : result.runs()) {
            long missedHere =
                    run.missed().values().stream().mapToLong(Long::longValue).sum();
            if (missedHere == 0) {
                continue;
            }
            html.append("<details class=\"misses\"")
                    .append(missedHere <= OPEN_LIST_ROWS ? " open" : "")
                    .append("><summary>")
                    .append(run.latencyMillis())
                    .append(" ms: ")
                    .append(count(missedHere))
                    .append(missedHere == 1 ? " window" : " windows")
                    .append(
                            missedHere > run.misses().size()
                                    ? " (the first " + run.misses().size() + " listed)"
                                    : "")
                    .append("</summary>\n<div class=\"scroll\"><table>\n<thead><tr><th>detected (UTC)</th>")
                    .append("<th>pair</th><th>direction</th><th>size</th><th>why</th><th>detail</th></tr></thead>\n")
                    .append("<tbody>\n");
            for (RunLedger.Miss miss : run.misses()) {
                String detail = shorten(detail(miss));
                html.append("<tr class=\"miss\" data-latency=\"")
                        .append(run.latencyMillis())
                        .append("\"><td>")
                        .append(escape(UTC.format(instant(miss.atNanos()))))
                        .append("</td><td>")
                        .append(escape(miss.pairId()))
                        .append("</td><td>")
                        .append(escape(direction(miss.direction().name())))
                        .append("</td><td>")
                        .append(count(miss.quantity()))
                        .append("</td><td>")
                        .append(escape(miss.why().words()))
                        .append("</td><td class=\"detail\" title=\"")
                        .append(escape(detail))
                        .append("\">")
                        .append(escape(abbreviate(detail)))
                        .append("</td></tr>\n");
            }
            html.append("</tbody></table></div>\n</details>\n");
        }
        html.append("</section>\n");
    }

    private static String abbreviate(String text) {
        return text.length() <= DETAIL_CHARACTERS ? text : text.substring(0, DETAIL_CHARACTERS - 1) + "…";
    }

    private static String detail(RunLedger.Miss miss) {
        String reason = miss.reason() == null ? "" : miss.reason();
        return miss.legRisk().isEmpty() ? reason : reason + " — leg risk: " + String.join("; ", miss.legRisk());
    }

    private static void model(StringBuilder html, BacktestResult result) {
        BacktestSettings settings = result.settings();
        html.append("<section id=\"model\">\n<h2>How this was computed</h2>\n<ul>\n")
                .append("<li>The capture went through the live system's parsers, books and detector, and each ")
                .append("opportunity through the executor's own decision (risk limits, controls, book checks, ")
                .append("Polymarket's minimum order size) and last look, on the capture's clock.</li>\n")
                .append("<li>Both orders reach their venue <i>latency</i> ms after the frame that opened or ")
                .append("changed the window and fill immediate-or-cancel against the book as it stands then; a leg ")
                .append("left short goes through the leg-risk policy (")
                .append(escape(settings.executor().live().policy().name()))
                .append("), each of its orders again <i>latency</i> ms on its way.</li>\n")
                .append("<li>Liquidity a fill took stays taken until the venue next updates that level, so a ")
                .append("window cannot pay twice.</li>\n")
                .append("<li>P&amp;L counts each hedged pair at $1 and a contract held on one venue only at nothing, ")
                .append(
                        "until a settlement in the capture pays it. Capital is both legs' cost and fees, tied up until ")
                .append("the capture ends or the pair's markets settle; the annualised return counts at least a day ")
                .append("(contracts §7).</li>\n")
                .append("<li>Starting cash: Kalshi ")
                .append(money(settings.kalshiCash()))
                .append(", Polymarket ")
                .append(money(settings.polymarketCash()))
                .append(". Risk limits: ")
                .append(escape(settings.executor().riskLimits().toMap().toString()))
                .append(".</li>\n</ul>\n<p class=\"files\">")
                .append(escape(String.join(
                        ", ", result.files().stream().map(Path::toString).toList())))
                .append("</p>\n</section>\n");
    }

    // ---- the charts' data

    private static String data(BacktestResult result) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeNumberField("startSeconds", result.startNanos() / NANOS_PER_SECOND);
            out.writeNumberField("endSeconds", result.endNanos() / NANOS_PER_SECOND);
            out.writeArrayFieldStart("runs");
            for (RunLedger run : result.runs()) {
                out.writeStartObject();
                out.writeNumberField("latencyMs", run.latencyMillis());
                out.writeNumberField("pnl", dollars(run.pnl()));
                out.writeNumberField("trades", run.trades());
                curve(out, run);
                out.writeEndObject();
            }
            out.writeEndArray();
            histogram(out, "lifetimes", LIFETIME_LABELS, buckets(result.census().lifetimesNanos(), LIFETIME_BOUNDS));
            histogram(out, "edges", EDGE_LABELS, buckets(result.census().edgePerContract(), EDGE_BOUNDS));
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The run's cumulative P&amp;L as steps: [seconds…] and [dollars…], thinned to {@link #CURVE_POINTS}. */
    private static void curve(JsonGenerator out, RunLedger run) throws IOException {
        LongSeries nanos = run.curveNanos();
        LongSeries micros = run.curveMicros();
        int[] kept = thinned(nanos.size(), CURVE_POINTS);
        out.writeArrayFieldStart("curveSeconds");
        for (int i : kept) {
            out.writeNumber(nanos.get(i) / NANOS_PER_SECOND);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("curveDollars");
        for (int i : kept) {
            out.writeNumber(micros.get(i) / (double) FixedPoint.ONE);
        }
        out.writeEndArray();
    }

    /** Indices of every step-th of {@code points} values, the last always among them; all when few enough. */
    static int[] thinned(int points, int most) {
        int step = Math.max(1, (points + most - 1) / most);
        int[] kept = new int[(points + step - 1) / step];
        int n = 0;
        for (int i = Math.min(step, points) - 1; i < points && n < kept.length; i += step) {
            kept[n++] = i;
        }
        if (points > 0 && (n == 0 || kept[n - 1] != points - 1)) {
            if (n < kept.length) {
                n++;
            }
            kept[n - 1] = points - 1;
        }
        return Arrays.copyOf(kept, n);
    }

    private static void histogram(JsonGenerator out, String name, String[] labels, long[] counts) throws IOException {
        out.writeObjectFieldStart(name);
        out.writeArrayFieldStart("labels");
        for (String label : labels) {
            out.writeString(label);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("counts");
        for (long count : counts) {
            out.writeNumber(count);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /** How many values fall under each bound (the last bucket takes the rest). */
    static long[] buckets(LongSeries values, long[] bounds) {
        long[] counts = new long[bounds.length + 1];
        for (int i = 0; i < values.size(); i++) {
            long value = values.get(i);
            int bucket = 0;
            while (bucket < bounds.length && value >= bounds[bucket]) {
                bucket++;
            }
            counts[bucket]++;
        }
        return counts;
    }

    // ---- words and numbers

    /** Long token ids and condition ids cut to their ends: {@code 713210…2563}, {@code 0x5f6517…f8f1}. */
    static String shorten(String text) {
        Matcher hex = LONG_HEX.matcher(text);
        String out = hex.replaceAll(match -> Matcher.quoteReplacement(shortId(match.group())));
        Matcher number = LONG_NUMBER.matcher(out);
        return number.replaceAll(match -> Matcher.quoteReplacement(shortId(match.group())));
    }

    static String shortId(String id) {
        int head = id.startsWith("0x") ? SHOWN_HEAD + 2 : SHOWN_HEAD;
        return id.length() <= head + SHOWN_TAIL + 1
                ? id
                : id.substring(0, head) + "…" + id.substring(id.length() - SHOWN_TAIL);
    }

    /** Dollars and cents with thousands separators: {@code $1,234.57}, {@code −$0.40}; half-even to the cent. */
    static String money(BigDecimal value) {
        BigDecimal cents = value.setScale(CENTS, RoundingMode.HALF_EVEN);
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String digits = format.format(cents.abs());
        return (cents.signum() < 0 ? "−$" : "$") + digits;
    }

    private static void moneyCell(StringBuilder html, BigDecimal value) {
        html.append("<td class=\"money")
                .append(value.signum() < 0 ? " loss" : "")
                .append("\">")
                .append(money(value))
                .append("</td>");
    }

    private static void cells(StringBuilder html, long... values) {
        for (long value : values) {
            html.append("<td>").append(count(value)).append("</td>");
        }
    }

    /** A ratio as a percentage, {@code 1.23 %}; a dash when there is none. */
    static String percent(BigDecimal ratio) {
        return ratio == null
                ? "–"
                : ratio.multiply(HUNDRED)
                                .setScale(PERCENT_DECIMALS, RoundingMode.HALF_EVEN)
                                .toPlainString() + " %";
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static double dollars(BigDecimal value) {
        return value.setScale(CENTS, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static String direction(String name) {
        return name.equals("KALSHI_YES_POLYMARKET_NO") ? "Kalshi YES + Polymarket NO" : "Kalshi NO + Polymarket YES";
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }

    private static String duration(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        if (d.toHours() > 0) {
            return String.format(Locale.ROOT, "%d h %02d min", d.toHours(), d.toMinutesPart());
        }
        if (d.toMinutes() > 0) {
            return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
        }
        return String.format(Locale.ROOT, "%.3f s", nanos / NANOS_PER_SECOND);
    }

    private static String captureName(BacktestResult result) {
        List<Path> files = result.files();
        if (files.isEmpty()) {
            return "";
        }
        Path parent = files.get(0).getParent();
        return files.size() == 1 || parent == null
                ? String.valueOf(files.get(0).getFileName())
                : String.valueOf(parent.getFileName());
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = ReportHtml.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the report's " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
