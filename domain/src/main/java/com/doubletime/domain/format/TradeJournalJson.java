package com.doubletime.domain.format;

import com.doubletime.domain.Direction;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.market.MarketStatus;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.settlement.DivergenceKind;
import com.doubletime.domain.trade.ControlChange;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.LegOrder;
import com.doubletime.domain.trade.LegPurpose;
import com.doubletime.domain.trade.LevelFill;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.OrderEventKind;
import com.doubletime.domain.trade.PositionRedeemed;
import com.doubletime.domain.trade.PositionSettled;
import com.doubletime.domain.trade.PositionState;
import com.doubletime.domain.trade.ResolutionDivergence;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.domain.trade.TradingControl;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The trade journal's line format, also what {@code GET /api/trades}, the trades SSE stream and the control
 * endpoints return. Explicit field by field rather than reflective so that the file format cannot change by
 * renaming a record component, and so that decimals are strings as everywhere in the project's public formats
 * (prices with at least 4 decimals, money with at least 6, quantities as whole numbers).
 *
 * <pre>
 * {"type":"trade_decision","tradeId":..,"opportunityId":..,"pairId":..,"direction":..,"verdict":"ACCEPTED",
 *  "opportunityQuantity":"120","quantity":"102","kalshi":{"outcome":"YES","ticker":..,"limitPrice":"0.4200"},
 *  "polymarket":{"outcome":"NO","tokenId":..,"limitPrice":"0.5300"},"reason":..,"detectedAtNanos":..,"decidedAtNanos":..}
 * {"type":"trade","tradeId":..,"opportunityId":..,"pairId":..,"direction":..,"mode":"paper","status":"FILLED",
 *  "kalshi":{"outcome":..,"ticker":..,"limitPrice":..,"requestedQuantity":"102","filledQuantity":"102",
 *            "averagePrice":"0.420000","cost":..,"fee":..,"fills":[["0.4200","102"]]},
 *  "polymarket":{..,"tokenId":..},"hedgedQuantity":"102","unhedgedQuantity":"0","totalCost":..,"realisedEdge":..,
 *  "reason":..,"detectedAtNanos":..,"decidedAtNanos":..,"executedAtNanos":..}
 * {"type":"control","action":"kill-switch-on","mode":"paper","paused":false,"killSwitch":true,
 *  "riskLimits":{"maxNotionalPerTrade":"1000",..},"reason":..,"atNanos":..}
 * {"type":"order","eventId":..,"tradeId":..,"kind":"REQUESTED",..}   {"type":"alert","eventId":..,"kind":"UNHEDGED",..}
 * {"type":"settlement","pairId":..,"state":"settled","kalshi":{"market":..,"result":"no","yesPayout":"0.0000",
 *  "yes":"50","no":"0","payout":..},"polymarket":{..},"cost":..,"fees":..,"payouts":..,"realizedPnl":..,
 *  "tradeIds":[..],"atNanos":..}
 * {"type":"alert","eventId":..,"kind":"RESOLUTION_DIVERGENCE","pairId":..,"divergence":"BOTH_LEGS_LOSE",
 *  "kalshi":{"market":..,"status":"settled","result":"no","yesPayout":"0.0000"},"polymarket":{..},
 *  "moneyAtStake":..,"message":..,"atNanos":..}
 * {"type":"redemption","pairId":..,"conditionId":..,"yesShares":"0","noShares":"50","payout":..,"succeeded":true,
 *  "transactionHash":..,"detail":..,"atNanos":..}
 * </pre>
 * {@code reason} is absent when there is none; {@code averagePrice} is null when nothing filled; a trade's
 * {@code realizedPnl} is present only on a settled trade (status {@code SETTLED}, never journaled: the settlement
 * record makes it).
 *
 * <p>The domain has no JSON library: {@link #read} takes a line already parsed into maps, lists, strings,
 * booleans and numbers (as a JSON reader gives it; the journals parse with Jackson, decimals exactly).
 */
public final class TradeJournalJson {
    public static final String DECISION = "trade_decision";
    public static final String TRADE = "trade";
    public static final String CONTROL = "control";
    public static final String ORDER = "order";
    public static final String ALERT = "alert";
    public static final String SETTLEMENT = "settlement";
    public static final String REDEMPTION = "redemption";
    private static final String ACCEPTED = "ACCEPTED";
    private static final String REJECTED = "REJECTED";
    private static final int PRICE_DECIMALS = 4;
    private static final int LINE_CAPACITY = 768;

    private TradeJournalJson() {}

    /** One line of JSON, without the line break. */
    public static String write(JournalEntry entry) {
        StringBuilder out = new StringBuilder(LINE_CAPACITY);
        if (entry instanceof ControlChange change) {
            control(out, change);
        } else if (entry instanceof OrderEvent event) {
            orderEvent(out, event);
        } else if (entry instanceof ExecutionAlert alert) {
            alert(out, alert);
        } else if (entry instanceof TradeDecision decision) {
            decision(out, decision);
        } else if (entry instanceof PositionSettled settled) {
            settlement(out, settled);
        } else if (entry instanceof ResolutionDivergence divergence) {
            divergence(out, divergence);
        } else if (entry instanceof PositionRedeemed redeemed) {
            redemption(out, redeemed);
        } else {
            trade(out, (TradeReport) entry);
        }
        return out.toString();
    }

    /** The {@code type} field of the entry's line. */
    public static String type(JournalEntry entry) {
        if (entry instanceof ControlChange) {
            return CONTROL;
        }
        if (entry instanceof OrderEvent) {
            return ORDER;
        }
        if (entry instanceof ExecutionAlert || entry instanceof ResolutionDivergence) {
            return ALERT;
        }
        if (entry instanceof PositionSettled) {
            return SETTLEMENT;
        }
        if (entry instanceof PositionRedeemed) {
            return REDEMPTION;
        }
        return entry instanceof TradeDecision ? DECISION : TRADE;
    }

    /**
     * The entry's identity: writing an entry with an id already recorded records nothing (a retried write
     * after a lost answer). Decisions and reports are one per trade; a control change is identified by its
     * time and action; order events and alerts carry their own.
     */
    public static String eventId(JournalEntry entry) {
        if (entry instanceof OrderEvent event) {
            return event.eventId();
        }
        if (entry instanceof ExecutionAlert alert) {
            return alert.eventId();
        }
        if (entry instanceof ControlChange change) {
            return "control:" + change.atNanos() + ":" + change.action();
        }
        if (entry instanceof PositionSettled settled) {
            return settled.eventId();
        }
        if (entry instanceof ResolutionDivergence divergence) {
            return divergence.eventId();
        }
        if (entry instanceof PositionRedeemed redeemed) {
            return redeemed.eventId();
        }
        return (entry instanceof TradeDecision ? "decision:" : "trade:") + entry.tradeId();
    }

    /**
     * The control state as the API shows it: mode, pause, kill switch, why trading is blocked (the executor's own
     * halt first), the halt alone, the limits. A journaled control line has neither reason: they are derived.
     */
    public static String controlState(TradingControl state) {
        StringBuilder out = new StringBuilder(LINE_CAPACITY);
        controlFields(new JsonFields(out), state, true).end();
        return out.toString();
    }

    /**
     * Reads one parsed line back.
     *
     * @param line the line's object as a JSON reader gives it (string keys; strings, booleans, numbers, maps,
     *             lists and nulls as values)
     * @throws IllegalArgumentException when it is not a journal entry, naming what is wrong
     */
    public static JournalEntry read(Map<String, ?> line) {
        Fields node = new Fields(line);
        String type = node.text("type");
        try {
            return switch (type) {
                case DECISION -> readDecision(node);
                case TRADE -> readTrade(node);
                case CONTROL -> readControl(node);
                case ORDER -> readOrderEvent(node);
                case ALERT ->
                    ResolutionDivergence.KIND.equals(node.optionalText("kind"))
                            ? readDivergence(node)
                            : readAlert(node);
                case SETTLEMENT -> readSettlement(node);
                case REDEMPTION -> readRedemption(node);
                default -> throw new IllegalArgumentException("unknown entry type '" + type + "'");
            };
        } catch (NullPointerException | ArithmeticException | ClassCastException | NumberFormatException e) {
            throw new IllegalArgumentException("malformed " + type + " entry: " + e.getMessage(), e);
        }
    }

    private static JsonFields controlFields(JsonFields out, TradingControl state, boolean withBlocked) {
        out.text("mode", state.mode().wireName()).bool("paused", state.paused()).bool("killSwitch", state.killSwitch());
        if (withBlocked) {
            out.textOrNull("blockedBecause", state.blockedBecause()).textOrNull("haltedBecause", state.haltedBecause());
        }
        JsonFields limits = out.object("riskLimits");
        for (Map.Entry<String, Object> limit : state.limits().toMap().entrySet()) {
            if (limit.getValue() instanceof Number number) {
                limits.number(limit.getKey(), number.longValue());
            } else {
                limits.text(limit.getKey(), String.valueOf(limit.getValue()));
            }
        }
        limits.end();
        return out;
    }

    private static void control(StringBuilder out, ControlChange change) {
        JsonFields fields = new JsonFields(out).text("type", CONTROL).text("action", change.action());
        controlFields(fields, change.state(), false)
                .optionalText("reason", change.reason())
                .number("atNanos", change.atNanos())
                .end();
    }

    private static ControlChange readControl(Fields node) {
        Fields limits = node.object("riskLimits");
        TradingControl state = new TradingControl(
                ExecutionMode.fromWireName(node.text("mode")),
                node.bool("paused"),
                node.bool("killSwitch"),
                RiskLimits.fromMap(limits.values));
        return new ControlChange(node.text("action"), state, node.optionalText("reason"), node.longValue("atNanos"));
    }

    private static void orderEvent(StringBuilder out, OrderEvent e) {
        JsonFields fields = new JsonFields(out)
                .text("type", ORDER)
                .text("eventId", e.eventId())
                .text("tradeId", e.tradeId())
                .text("kind", e.kind().name())
                .text("purpose", e.purpose().name())
                .text("venue", e.platform().wireName())
                .text("clientOrderId", e.clientOrderId())
                .optionalText("venueOrderId", e.venueOrderId())
                .text("action", e.action().name())
                .text("outcome", e.outcome().name())
                .text("instrument", e.instrument())
                .text("limitPrice", FixedPoint.format(e.limitPrice(), PRICE_DECIMALS))
                .text("quantity", FixedPoint.format(e.quantity(), 0))
                .optionalText("status", e.status() == null ? null : e.status().name())
                .text("filledQuantity", FixedPoint.format(e.filledQuantity(), 0));
        if (e.averagePrice() >= 0) {
            fields.text("averagePrice", FixedPoint.format(e.averagePrice(), PRICE_DECIMALS));
        }
        fields.text("fees", OpportunityJson.money(e.fees()))
                .optionalText("detail", e.detail())
                .number("atNanos", e.atNanos())
                .end();
    }

    private static OrderEvent readOrderEvent(Fields node) {
        String status = node.optionalText("status");
        String average = node.optionalText("averagePrice");
        return new OrderEvent(
                node.text("eventId"),
                node.text("tradeId"),
                OrderEventKind.valueOf(node.text("kind")),
                LegPurpose.valueOf(node.text("purpose")),
                Platform.valueOf(node.text("venue").toUpperCase(Locale.ROOT)),
                node.text("clientOrderId"),
                node.optionalText("venueOrderId"),
                OrderAction.valueOf(node.text("action")),
                Outcome.valueOf(node.text("outcome")),
                node.text("instrument"),
                FixedPoint.parse(node.text("limitPrice")),
                FixedPoint.parse(node.text("quantity")),
                status == null ? null : OrderStatus.valueOf(status),
                FixedPoint.parse(node.text("filledQuantity")),
                average == null ? -1 : FixedPoint.parse(average),
                node.decimal("fees"),
                node.optionalText("detail"),
                node.longValue("atNanos"));
    }

    private static void alert(StringBuilder out, ExecutionAlert a) {
        new JsonFields(out)
                .text("type", ALERT)
                .text("eventId", a.eventId())
                .optionalText("tradeId", a.tradeId())
                .text("kind", a.kind().name())
                .text("message", a.message())
                .number("atNanos", a.atNanos())
                .end();
    }

    private static ExecutionAlert readAlert(Fields node) {
        return new ExecutionAlert(
                node.text("eventId"),
                node.optionalText("tradeId"),
                ExecutionAlert.AlertKind.valueOf(node.text("kind")),
                node.text("message"),
                node.longValue("atNanos"));
    }

    private static void decision(StringBuilder out, TradeDecision d) {
        JsonFields fields = header(out, DECISION, d.tradeId(), d.opportunityId(), d.pairId(), d.direction())
                .text("verdict", d.accepted() ? ACCEPTED : REJECTED)
                .text("opportunityQuantity", Long.toString(d.opportunityQuantity()))
                .text("quantity", Long.toString(d.quantity()));
        order(fields.object("kalshi"), d.kalshi()).end();
        order(fields.object("polymarket"), d.polymarket()).end();
        fields.optionalText("reason", d.reason())
                .number("detectedAtNanos", d.detectedAtNanos())
                .number("decidedAtNanos", d.decidedAtNanos())
                .end();
    }

    private static void trade(StringBuilder out, TradeReport t) {
        JsonFields fields = header(out, TRADE, t.tradeId(), t.opportunityId(), t.pairId(), t.direction())
                .text("mode", t.mode().wireName())
                .text("status", t.status().name());
        legFill(fields.object("kalshi"), t.kalshi());
        legFill(fields.object("polymarket"), t.polymarket());
        fields.text("hedgedQuantity", Long.toString(t.hedgedQuantity()))
                .text("unhedgedQuantity", Long.toString(t.unhedgedQuantity()))
                .text("totalCost", OpportunityJson.money(t.totalCost()))
                .text("realisedEdge", OpportunityJson.money(t.realisedEdge()))
                .optionalText("realizedPnl", t.realizedPnl() == null ? null : OpportunityJson.money(t.realizedPnl()))
                .optionalText("reason", t.reason())
                .number("detectedAtNanos", t.detectedAtNanos())
                .number("decidedAtNanos", t.decidedAtNanos())
                .number("executedAtNanos", t.executedAtNanos())
                .end();
    }

    private static JsonFields header(
            StringBuilder out, String type, String tradeId, String opportunityId, String pairId, Direction direction) {
        return new JsonFields(out)
                .text("type", type)
                .text("tradeId", tradeId)
                .text("opportunityId", opportunityId)
                .text("pairId", pairId)
                .text("direction", direction.name());
    }

    private static JsonFields order(JsonFields out, LegOrder order) {
        return out.text("outcome", order.outcome().name())
                .text(order.platform() == Platform.KALSHI ? "ticker" : "tokenId", order.instrument())
                .text("limitPrice", FixedPoint.format(order.limitPrice(), PRICE_DECIMALS));
    }

    private static void legFill(JsonFields out, LegFill leg) {
        BigDecimal average = leg.averagePrice();
        order(out, leg.order())
                .text("requestedQuantity", Long.toString(leg.requestedQuantity()))
                .text("filledQuantity", Long.toString(leg.filledQuantity()))
                .textOrNull("averagePrice", average == null ? null : average.toPlainString())
                .text("cost", OpportunityJson.money(leg.cost()))
                .text("fee", OpportunityJson.money(leg.fee()));
        StringBuilder fills = new StringBuilder().append('[');
        for (LevelFill level : leg.levels()) {
            if (fills.length() > 1) {
                fills.append(',');
            }
            fills.append('[');
            JsonText.string(fills, FixedPoint.format(level.price(), PRICE_DECIMALS))
                    .append(',');
            JsonText.string(fills, FixedPoint.format(level.size(), 0)).append(']');
        }
        out.json("fills", fills.append(']').toString()).end();
    }

    private static TradeDecision readDecision(Fields node) {
        String verdict = node.text("verdict");
        if (!verdict.equals(ACCEPTED) && !verdict.equals(REJECTED)) {
            throw new IllegalArgumentException("verdict must be ACCEPTED or REJECTED, got " + verdict);
        }
        return new TradeDecision(
                node.text("tradeId"),
                node.text("opportunityId"),
                node.text("pairId"),
                Direction.valueOf(node.text("direction")),
                verdict.equals(ACCEPTED),
                node.wholeNumber("opportunityQuantity"),
                node.wholeNumber("quantity"),
                readOrder(node.object("kalshi"), Platform.KALSHI),
                readOrder(node.object("polymarket"), Platform.POLYMARKET),
                node.optionalText("reason"),
                node.longValue("detectedAtNanos"),
                node.longValue("decidedAtNanos"));
    }

    private static TradeReport readTrade(Fields node) {
        return new TradeReport(
                node.text("tradeId"),
                node.text("opportunityId"),
                node.text("pairId"),
                Direction.valueOf(node.text("direction")),
                ExecutionMode.fromWireName(node.text("mode")),
                TradeStatus.valueOf(node.text("status")),
                readLegFill(node.object("kalshi"), Platform.KALSHI),
                readLegFill(node.object("polymarket"), Platform.POLYMARKET),
                node.decimal("totalCost"),
                node.decimal("realisedEdge"),
                node.optionalText("reason"),
                node.longValue("detectedAtNanos"),
                node.longValue("decidedAtNanos"),
                node.longValue("executedAtNanos"),
                node.optionalText("realizedPnl") == null ? null : node.decimal("realizedPnl"));
    }

    private static void settlement(StringBuilder out, PositionSettled s) {
        JsonFields fields = new JsonFields(out)
                .text("type", SETTLEMENT)
                .text("pairId", s.pairId())
                .text("state", s.state().wireName());
        fields.object("kalshi")
                .text("market", s.kalshiMarket())
                .optionalText("result", s.kalshiResult())
                .text("yesPayout", FixedPoint.format(s.kalshiYesPayout(), PRICE_DECIMALS))
                .text("yes", Long.toString(s.kalshiYes()))
                .text("no", Long.toString(s.kalshiNo()))
                .text("payout", OpportunityJson.money(s.kalshiPayout()))
                .end();
        fields.object("polymarket")
                .text("market", s.polymarketMarket())
                .optionalText("result", s.polymarketResult())
                .text("yesPayout", FixedPoint.format(s.polymarketYesPayout(), PRICE_DECIMALS))
                .text("yes", Long.toString(s.polymarketYes()))
                .text("no", Long.toString(s.polymarketNo()))
                .text("payout", OpportunityJson.money(s.polymarketPayout()))
                .end();
        StringBuilder ids = new StringBuilder().append('[');
        for (String id : s.tradeIds()) {
            if (ids.length() > 1) {
                ids.append(',');
            }
            JsonText.string(ids, id);
        }
        fields.text("cost", OpportunityJson.money(s.cost()))
                .text("fees", OpportunityJson.money(s.fees()))
                .text("payouts", OpportunityJson.money(s.payouts()))
                .text("realizedPnl", OpportunityJson.money(s.realizedPnl()))
                .json("tradeIds", ids.append(']').toString())
                .number("atNanos", s.atNanos())
                .end();
    }

    private static PositionSettled readSettlement(Fields node) {
        Fields k = node.object("kalshi");
        Fields p = node.object("polymarket");
        List<String> tradeIds = new ArrayList<>();
        for (Object id : (List<?>) node.required("tradeIds")) {
            tradeIds.add(Fields.asText(id));
        }
        return new PositionSettled(
                node.text("pairId"),
                PositionState.valueOf(node.text("state").toUpperCase(Locale.ROOT)),
                k.text("market"),
                k.optionalText("result"),
                FixedPoint.parse(k.text("yesPayout")),
                p.text("market"),
                p.optionalText("result"),
                FixedPoint.parse(p.text("yesPayout")),
                k.wholeNumber("yes"),
                k.wholeNumber("no"),
                p.wholeNumber("yes"),
                p.wholeNumber("no"),
                node.decimal("cost"),
                node.decimal("fees"),
                k.decimal("payout"),
                p.decimal("payout"),
                node.decimal("realizedPnl"),
                tradeIds,
                node.longValue("atNanos"));
    }

    private static void divergence(StringBuilder out, ResolutionDivergence d) {
        JsonFields fields = new JsonFields(out)
                .text("type", ALERT)
                .text("eventId", d.eventId())
                .text("kind", ResolutionDivergence.KIND)
                .text("pairId", d.pairId())
                .text("divergence", d.kind().name());
        venueResult(fields.object("kalshi"), d.kalshi());
        venueResult(fields.object("polymarket"), d.polymarket());
        fields.text("moneyAtStake", OpportunityJson.money(d.moneyAtStake()))
                .text("message", d.message())
                .number("atNanos", d.atNanos())
                .end();
    }

    private static void venueResult(JsonFields out, ResolutionDivergence.VenueResult r) {
        out.text("market", r.market())
                .text("status", r.status().wireName())
                .optionalText("result", r.result())
                .optionalText("yesPayout", r.yesPayout() < 0 ? null : FixedPoint.format(r.yesPayout(), PRICE_DECIMALS))
                .end();
    }

    private static ResolutionDivergence readDivergence(Fields node) {
        return new ResolutionDivergence(
                node.text("pairId"),
                DivergenceKind.valueOf(node.text("divergence")),
                readVenueResult(node.object("kalshi")),
                readVenueResult(node.object("polymarket")),
                node.decimal("moneyAtStake"),
                node.text("message"),
                node.longValue("atNanos"));
    }

    private static ResolutionDivergence.VenueResult readVenueResult(Fields node) {
        String payout = node.optionalText("yesPayout");
        return new ResolutionDivergence.VenueResult(
                node.text("market"),
                MarketStatus.fromWire(node.text("status")),
                node.optionalText("result"),
                payout == null ? -1 : FixedPoint.parse(payout));
    }

    private static void redemption(StringBuilder out, PositionRedeemed r) {
        new JsonFields(out)
                .text("type", REDEMPTION)
                .text("pairId", r.pairId())
                .text("conditionId", r.conditionId())
                .text("yesShares", FixedPoint.format(r.yesShares(), 0))
                .text("noShares", FixedPoint.format(r.noShares(), 0))
                .text("payout", OpportunityJson.money(r.payout()))
                .bool("succeeded", r.succeeded())
                .optionalText("transactionHash", r.transactionHash())
                .optionalText("detail", r.detail())
                .number("atNanos", r.atNanos())
                .end();
    }

    private static PositionRedeemed readRedemption(Fields node) {
        return new PositionRedeemed(
                node.text("pairId"),
                node.text("conditionId"),
                FixedPoint.parse(node.text("yesShares")),
                FixedPoint.parse(node.text("noShares")),
                node.decimal("payout"),
                node.bool("succeeded"),
                node.optionalText("transactionHash"),
                node.optionalText("detail"),
                node.longValue("atNanos"));
    }

    private static LegOrder readOrder(Fields node, Platform platform) {
        String instrument = node.text(platform == Platform.KALSHI ? "ticker" : "tokenId");
        return new LegOrder(
                platform, Outcome.valueOf(node.text("outcome")), instrument, FixedPoint.parse(node.text("limitPrice")));
    }

    private static LegFill readLegFill(Fields node, Platform platform) {
        List<LevelFill> levels = new ArrayList<>();
        for (Object level : (List<?>) node.required("fills")) {
            List<?> priceAndSize = (List<?>) level;
            levels.add(new LevelFill(
                    FixedPoint.parse(Fields.asText(priceAndSize.get(0))),
                    FixedPoint.parse(Fields.asText(priceAndSize.get(1)))));
        }
        return new LegFill(
                readOrder(node, platform),
                node.wholeNumber("requestedQuantity"),
                node.wholeNumber("filledQuantity"),
                levels,
                node.decimal("cost"),
                node.decimal("fee"));
    }

    /** A parsed object's fields, read the lenient way a hand-edited line needs (numbers where strings were). */
    private record Fields(Map<String, ?> values) {
        Fields {
            if (values == null) {
                throw new NullPointerException("missing object");
            }
        }

        Object required(String field) {
            Object value = values.get(field);
            if (value == null) {
                throw new IllegalArgumentException("missing field '" + field + "'");
            }
            return value;
        }

        String text(String field) {
            return asText(required(field));
        }

        String optionalText(String field) {
            Object value = values.get(field);
            return value == null ? null : asText(value);
        }

        @SuppressWarnings("unchecked")
        Fields object(String field) {
            return new Fields((Map<String, ?>) values.get(field));
        }

        boolean bool(String field) {
            Object value = values.get(field);
            if (value == null) {
                throw new NullPointerException("missing field '" + field + "'");
            }
            if (value instanceof Boolean flag) {
                return flag;
            }
            return value instanceof Number number
                    ? number.doubleValue() != 0
                    : "true".equals(String.valueOf(value).trim());
        }

        long longValue(String field) {
            Object value = values.get(field);
            if (value == null) {
                throw new NullPointerException("missing field '" + field + "'");
            }
            if (value instanceof Number number) {
                return number.longValue();
            }
            try {
                return Long.parseLong(String.valueOf(value).trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        /** Decimal strings as written, or JSON numbers (read exactly) from a hand-edited file. */
        BigDecimal decimal(String field) {
            Object value = values.get(field);
            if (value instanceof BigDecimal decimal) {
                return decimal;
            }
            if (value instanceof BigInteger whole) {
                return new BigDecimal(whole);
            }
            if (value instanceof Long || value instanceof Integer) {
                return BigDecimal.valueOf(((Number) value).longValue());
            }
            return new BigDecimal(text(field));
        }

        long wholeNumber(String field) {
            return decimal(field).longValueExact();
        }

        /** A scalar's text as JSON shows it; an object or array has none. */
        static String asText(Object value) {
            return value instanceof Map<?, ?> || value instanceof List<?> ? "" : String.valueOf(value);
        }
    }
}
