package com.doubletime.executor;

import com.doubletime.domain.Direction;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.format.OpportunityJson;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderStatus;
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
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.domain.trade.TradingControl;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The trade journal's line format, also what {@code GET /api/trades} returns. Explicit field by field
 * rather than reflective so that the file format cannot change by renaming a record component, and so
 * that decimals are strings as everywhere in the project's public formats (prices with at least 4
 * decimals, money with at least 6, quantities as whole numbers).
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
 * </pre>
 * {@code reason} is absent when there is none; {@code averagePrice} is null when nothing filled.
 */
public final class TradeJournalJson {
    static final String DECISION = "trade_decision";
    static final String TRADE = "trade";
    static final String CONTROL = "control";
    static final String ORDER = "order";
    static final String ALERT = "alert";
    private static final int PRICE_DECIMALS = 4;
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private TradeJournalJson() {}

    /** One line of JSON, without the line break. */
    public static String write(JournalEntry entry) {
        return toTree(entry).toString();
    }

    public static ObjectNode toTree(JournalEntry entry) {
        if (entry instanceof ControlChange change) {
            return control(change);
        }
        if (entry instanceof OrderEvent event) {
            return orderEvent(event);
        }
        if (entry instanceof ExecutionAlert alert) {
            return alert(alert);
        }
        return entry instanceof TradeDecision decision ? decision(decision) : trade((TradeReport) entry);
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
        return (entry instanceof TradeDecision ? "decision:" : "trade:") + entry.tradeId();
    }

    /** @throws IllegalArgumentException when the line is not a journal entry */
    public static JournalEntry read(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String type = text(node, "type");
        try {
            return switch (type) {
                case DECISION -> readDecision(node);
                case TRADE -> readTrade(node);
                case CONTROL -> readControl(node);
                case ORDER -> readOrderEvent(node);
                case ALERT -> readAlert(node);
                default -> throw new IllegalArgumentException("unknown entry type '" + type + "'");
            };
        } catch (NullPointerException | ArithmeticException | ClassCastException | NumberFormatException e) {
            throw new IllegalArgumentException("malformed " + type + " entry: " + e.getMessage(), e);
        }
    }

    /** The control state as the API shows it: mode, pause, kill switch and the limits in their wire form. */
    public static ObjectNode controlState(TradingControl state) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("mode", state.mode().wireName());
        out.put("paused", state.paused());
        out.put("killSwitch", state.killSwitch());
        String blocked = state.blockedBecause();
        if (blocked == null) {
            out.putNull("blockedBecause");
        } else {
            out.put("blockedBecause", blocked);
        }
        out.set("riskLimits", MAPPER.valueToTree(state.limits().toMap()));
        return out;
    }

    private static ObjectNode control(ControlChange change) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("type", CONTROL);
        out.put("action", change.action());
        out.setAll(controlState(change.state()));
        out.remove("blockedBecause");
        reason(out, change.reason());
        out.put("atNanos", change.atNanos());
        return out;
    }

    private static ControlChange readControl(JsonNode node) {
        java.util.Map<String, Object> limits = MAPPER.convertValue(
                node.get("riskLimits"),
                new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() {});
        TradingControl state = new TradingControl(
                ExecutionMode.fromWireName(text(node, "mode")),
                node.get("paused").asBoolean(),
                node.get("killSwitch").asBoolean(),
                RiskLimits.fromMap(limits));
        return new ControlChange(
                text(node, "action"),
                state,
                optionalText(node, "reason"),
                node.get("atNanos").asLong());
    }

    private static ObjectNode orderEvent(OrderEvent e) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("type", ORDER);
        out.put("eventId", e.eventId());
        out.put("tradeId", e.tradeId());
        out.put("kind", e.kind().name());
        out.put("purpose", e.purpose().name());
        out.put("venue", e.platform().wireName());
        out.put("clientOrderId", e.clientOrderId());
        if (e.venueOrderId() != null) {
            out.put("venueOrderId", e.venueOrderId());
        }
        out.put("action", e.action().name());
        out.put("outcome", e.outcome().name());
        out.put("instrument", e.instrument());
        out.put("limitPrice", FixedPoint.format(e.limitPrice(), PRICE_DECIMALS));
        out.put("quantity", FixedPoint.format(e.quantity(), 0));
        if (e.status() != null) {
            out.put("status", e.status().name());
        }
        out.put("filledQuantity", FixedPoint.format(e.filledQuantity(), 0));
        if (e.averagePrice() >= 0) {
            out.put("averagePrice", FixedPoint.format(e.averagePrice(), PRICE_DECIMALS));
        }
        out.put("fees", OpportunityJson.money(e.fees()));
        if (e.detail() != null) {
            out.put("detail", e.detail());
        }
        out.put("atNanos", e.atNanos());
        return out;
    }

    private static OrderEvent readOrderEvent(JsonNode node) {
        String status = optionalText(node, "status");
        String average = optionalText(node, "averagePrice");
        return new OrderEvent(
                text(node, "eventId"),
                text(node, "tradeId"),
                OrderEventKind.valueOf(text(node, "kind")),
                LegPurpose.valueOf(text(node, "purpose")),
                Platform.valueOf(text(node, "venue").toUpperCase(java.util.Locale.ROOT)),
                text(node, "clientOrderId"),
                optionalText(node, "venueOrderId"),
                OrderAction.valueOf(text(node, "action")),
                Outcome.valueOf(text(node, "outcome")),
                text(node, "instrument"),
                FixedPoint.parse(text(node, "limitPrice")),
                FixedPoint.parse(text(node, "quantity")),
                status == null ? null : OrderStatus.valueOf(status),
                FixedPoint.parse(text(node, "filledQuantity")),
                average == null ? -1 : FixedPoint.parse(average),
                decimal(node, "fees"),
                optionalText(node, "detail"),
                node.get("atNanos").asLong());
    }

    private static ObjectNode alert(ExecutionAlert a) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("type", ALERT);
        out.put("eventId", a.eventId());
        if (a.tradeId() != null) {
            out.put("tradeId", a.tradeId());
        }
        out.put("kind", a.kind().name());
        out.put("message", a.message());
        out.put("atNanos", a.atNanos());
        return out;
    }

    private static ExecutionAlert readAlert(JsonNode node) {
        return new ExecutionAlert(
                text(node, "eventId"),
                optionalText(node, "tradeId"),
                ExecutionAlert.AlertKind.valueOf(text(node, "kind")),
                text(node, "message"),
                node.get("atNanos").asLong());
    }

    private static ObjectNode decision(TradeDecision d) {
        ObjectNode out = header(DECISION, d.tradeId(), d.opportunityId(), d.pairId(), d.direction());
        out.put("verdict", d.accepted() ? "ACCEPTED" : "REJECTED");
        out.put("opportunityQuantity", Long.toString(d.opportunityQuantity()));
        out.put("quantity", Long.toString(d.quantity()));
        out.set("kalshi", order(d.kalshi()));
        out.set("polymarket", order(d.polymarket()));
        reason(out, d.reason());
        out.put("detectedAtNanos", d.detectedAtNanos());
        out.put("decidedAtNanos", d.decidedAtNanos());
        return out;
    }

    private static ObjectNode trade(TradeReport t) {
        ObjectNode out = header(TRADE, t.tradeId(), t.opportunityId(), t.pairId(), t.direction());
        out.put("mode", t.mode().wireName());
        out.put("status", t.status().name());
        out.set("kalshi", legFill(t.kalshi()));
        out.set("polymarket", legFill(t.polymarket()));
        out.put("hedgedQuantity", Long.toString(t.hedgedQuantity()));
        out.put("unhedgedQuantity", Long.toString(t.unhedgedQuantity()));
        out.put("totalCost", OpportunityJson.money(t.totalCost()));
        out.put("realisedEdge", OpportunityJson.money(t.realisedEdge()));
        reason(out, t.reason());
        out.put("detectedAtNanos", t.detectedAtNanos());
        out.put("decidedAtNanos", t.decidedAtNanos());
        out.put("executedAtNanos", t.executedAtNanos());
        return out;
    }

    private static ObjectNode header(
            String type, String tradeId, String opportunityId, String pairId, Direction direction) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("type", type);
        out.put("tradeId", tradeId);
        out.put("opportunityId", opportunityId);
        out.put("pairId", pairId);
        out.put("direction", direction.name());
        return out;
    }

    private static void reason(ObjectNode out, String reason) {
        if (reason != null) {
            out.put("reason", reason);
        }
    }

    private static ObjectNode order(LegOrder order) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("outcome", order.outcome().name());
        out.put(order.platform() == Platform.KALSHI ? "ticker" : "tokenId", order.instrument());
        out.put("limitPrice", FixedPoint.format(order.limitPrice(), PRICE_DECIMALS));
        return out;
    }

    private static ObjectNode legFill(LegFill leg) {
        ObjectNode out = order(leg.order());
        out.put("requestedQuantity", Long.toString(leg.requestedQuantity()));
        out.put("filledQuantity", Long.toString(leg.filledQuantity()));
        BigDecimal average = leg.averagePrice();
        if (average == null) {
            out.putNull("averagePrice");
        } else {
            out.put("averagePrice", average.toPlainString());
        }
        out.put("cost", OpportunityJson.money(leg.cost()));
        out.put("fee", OpportunityJson.money(leg.fee()));
        ArrayNode fills = out.putArray("fills");
        for (LevelFill level : leg.levels()) {
            fills.addArray()
                    .add(FixedPoint.format(level.price(), PRICE_DECIMALS))
                    .add(FixedPoint.format(level.size(), 0));
        }
        return out;
    }

    private static TradeDecision readDecision(JsonNode node) {
        String verdict = text(node, "verdict");
        if (!verdict.equals("ACCEPTED") && !verdict.equals("REJECTED")) {
            throw new IllegalArgumentException("verdict must be ACCEPTED or REJECTED, got " + verdict);
        }
        return new TradeDecision(
                text(node, "tradeId"),
                text(node, "opportunityId"),
                text(node, "pairId"),
                Direction.valueOf(text(node, "direction")),
                verdict.equals("ACCEPTED"),
                wholeNumber(node, "opportunityQuantity"),
                wholeNumber(node, "quantity"),
                readOrder(node.get("kalshi"), Platform.KALSHI),
                readOrder(node.get("polymarket"), Platform.POLYMARKET),
                optionalText(node, "reason"),
                node.get("detectedAtNanos").asLong(),
                node.get("decidedAtNanos").asLong());
    }

    private static TradeReport readTrade(JsonNode node) {
        return new TradeReport(
                text(node, "tradeId"),
                text(node, "opportunityId"),
                text(node, "pairId"),
                Direction.valueOf(text(node, "direction")),
                ExecutionMode.fromWireName(text(node, "mode")),
                TradeStatus.valueOf(text(node, "status")),
                readLegFill(node.get("kalshi"), Platform.KALSHI),
                readLegFill(node.get("polymarket"), Platform.POLYMARKET),
                decimal(node, "totalCost"),
                decimal(node, "realisedEdge"),
                optionalText(node, "reason"),
                node.get("detectedAtNanos").asLong(),
                node.get("decidedAtNanos").asLong(),
                node.get("executedAtNanos").asLong());
    }

    private static LegOrder readOrder(JsonNode node, Platform platform) {
        String instrument = text(node, platform == Platform.KALSHI ? "ticker" : "tokenId");
        return new LegOrder(
                platform,
                Outcome.valueOf(text(node, "outcome")),
                instrument,
                FixedPoint.parse(text(node, "limitPrice")));
    }

    private static LegFill readLegFill(JsonNode node, Platform platform) {
        List<LevelFill> levels = new ArrayList<>();
        for (JsonNode level : node.get("fills")) {
            levels.add(new LevelFill(
                    FixedPoint.parse(level.get(0).asText()),
                    FixedPoint.parse(level.get(1).asText())));
        }
        return new LegFill(
                readOrder(node, platform),
                wholeNumber(node, "requestedQuantity"),
                wholeNumber(node, "filledQuantity"),
                levels,
                decimal(node, "cost"),
                decimal(node, "fee"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Decimal strings as written, or JSON numbers (read exactly) from a hand-edited file. */
    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.decimalValue() : new BigDecimal(text(node, field));
    }

    private static long wholeNumber(JsonNode node, String field) {
        return decimal(node, field).longValueExact();
    }
}
