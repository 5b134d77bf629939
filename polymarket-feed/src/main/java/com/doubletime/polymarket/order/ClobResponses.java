package com.doubletime.polymarket.order;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.TimeInForce;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Maps the CLOB's answers to domain {@link OrderResult}s (polymarket.md §3.3–§3.5, §3.8), without Vert.x or
 * I/O so every documented body is unit-tested. A FOK that found no liquidity is {@code UNFILLED}, not a
 * rejection: nothing is wrong with the order.
 */
public final class ClobResponses {
    private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);

    private ClobResponses() {}

    /** What was sent, to interpret the answer. {@code quantity} and {@code limitPrice} are FixedPoint. */
    public record Sent(
            String clientOrderId,
            String orderHash,
            ClobSide side,
            long quantity,
            long limitPrice,
            TimeInForce timeInForce) {}

    public static OrderResult placed(Sent sent, ClobReply reply) {
        JsonObject body = json(reply.body());
        if (reply.status() / 100 != 2) {
            return error(sent, reply, body);
        }
        if (body == null) {
            return unknown(sent, "unreadable 2xx body");
        }
        String errorMsg = body.getString("errorMsg", body.getString("error_msg", ""));
        String orderId = body.getString("orderID", sent.orderHash());
        if (!body.getBoolean("success", errorMsg.isEmpty()) || !errorMsg.isEmpty()) {
            // per-order errors can come inside a 200 (batch form)
            return classifyError(sent, errorMsg.isEmpty() ? "success=false" : errorMsg);
        }
        String status = body.getString("status", "").toLowerCase(Locale.ROOT);
        return switch (status) {
            case "matched" -> matched(sent, orderId, body);
            case "live" -> result(sent, orderId, OrderStatus.RESTING, 0, sent.quantity(), -1, null, null);
            case "delayed" ->
                result(
                        sent,
                        orderId,
                        OrderStatus.DELAYED,
                        0,
                        sent.quantity(),
                        -1,
                        null,
                        "matching delayed (sports secondsDelay): ask GET /data/order later");
            case "unmatched" -> result(sent, orderId, OrderStatus.UNFILLED, 0, 0, -1, null, null);
            default -> unknown(sent, "unknown order status '" + status + "'");
        };
    }

    private static OrderResult matched(Sent sent, String orderId, JsonObject body) {
        // BUY gives pUSD and takes shares; SELL gives shares and takes pUSD
        BigDecimal shares = amount(body, sent.side() == ClobSide.BUY ? "takingAmount" : "makingAmount", sent);
        BigDecimal usdc = amount(body, sent.side() == ClobSide.BUY ? "makingAmount" : "takingAmount", sent);
        if (shares == null || shares.signum() == 0) {
            if (sent.timeInForce() == TimeInForce.FILL_OR_KILL) {
                // a matched FOK is filled whole; the venue may leave the amounts empty
                return result(sent, orderId, OrderStatus.FILLED, sent.quantity(), 0, sent.limitPrice(), null, null);
            }
            return result(
                    sent,
                    orderId,
                    OrderStatus.UNKNOWN,
                    0,
                    0,
                    -1,
                    null,
                    "matched without amounts: ask GET /data/order for the filled size");
        }
        long filled = toFixed(shares);
        long average = usdc == null ? sent.limitPrice() : toFixed(usdc.divide(shares, 6, RoundingMode.HALF_EVEN));
        long remaining = Math.max(0, sent.quantity() - filled);
        OrderStatus status = remaining == 0 || sent.timeInForce() == TimeInForce.FILL_OR_KILL
                ? OrderStatus.FILLED
                : OrderStatus.PARTIALLY_FILLED;
        // FAK: the unfilled rest is cancelled, nothing stays open
        return result(sent, orderId, status, filled, 0, average, null, null);
    }

    /**
     * Sources disagree on the unit of {@code makingAmount}/{@code takingAmount}: decimal strings ("52") in
     * some clients, raw 6-decimal integers ("52000000") in others. A value with a decimal point is decimal;
     * an integer far above the order's own size can only be raw micro-units.
     */
    static BigDecimal amount(JsonObject body, String field, Sent sent) {
        Object raw = body.getValue(field);
        if (raw == null || raw.toString().isBlank()) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(raw.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
        if (raw.toString().contains(".")) {
            return value;
        }
        BigDecimal orderShares = FixedPoint.toBigDecimal(sent.quantity());
        BigDecimal ceiling = orderShares.max(BigDecimal.ONE).multiply(BigDecimal.valueOf(1000));
        return value.compareTo(ceiling) > 0 ? value.divide(MICROS) : value;
    }

    /** {@code GET /data/order/{hash}}: an OpenOrder (status LIVE or ORDER_STATUS_LIVE, … — accept both). */
    public static OrderResult openOrder(String orderHash, ClobReply reply) {
        JsonObject body = json(reply.body());
        Sent sent = new Sent(null, orderHash, ClobSide.BUY, 0, 0, TimeInForce.IMMEDIATE_OR_CANCEL);
        if (reply.status() / 100 != 2) {
            return error(sent, reply, body);
        }
        if (body == null) {
            return unknown(sent, "unreadable order");
        }
        String status = body.getString("status", "").toUpperCase(Locale.ROOT).replace("ORDER_STATUS_", "");
        long original = decimal(body, "original_size");
        long matched = decimal(body, "size_matched");
        long price = decimal(body, "price");
        long average = matched > 0 && price > 0 ? price : -1;
        String id = body.getString("id", orderHash);
        return switch (status) {
            case "LIVE" ->
                result(
                        sent,
                        id,
                        matched > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.RESTING,
                        matched,
                        original - matched,
                        average,
                        null,
                        null);
            case "MATCHED" ->
                result(sent, id, OrderStatus.FILLED, matched > 0 ? matched : original, 0, average, null, null);
            case "CANCELED", "CANCELLED", "CANCELED_MARKET_RESOLVED", "UNMATCHED" ->
                result(
                        sent,
                        id,
                        matched > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.UNFILLED,
                        matched,
                        0,
                        average,
                        null,
                        null);
            case "DELAYED" -> result(sent, id, OrderStatus.DELAYED, matched, original - matched, average, null, null);
            case "INVALID" -> result(sent, id, OrderStatus.REJECTED, 0, 0, -1, "invalid", "order invalid");
            default ->
                result(
                        sent,
                        id,
                        OrderStatus.UNKNOWN,
                        matched,
                        Math.max(0, original - matched),
                        average,
                        null,
                        "unknown order status '" + status + "'");
        };
    }

    /** {@code DELETE /order}: {@code {"canceled":[…],"not_canceled":{hash: reason}}}. */
    public static OrderResult cancelled(String orderHash, ClobReply reply) {
        JsonObject body = json(reply.body());
        Sent sent = new Sent(null, orderHash, ClobSide.BUY, 0, 0, TimeInForce.IMMEDIATE_OR_CANCEL);
        if (reply.status() / 100 != 2) {
            return error(sent, reply, body);
        }
        if (body != null
                && body.getJsonArray("canceled") != null
                && body.getJsonArray("canceled").contains(orderHash)) {
            return result(sent, orderHash, OrderStatus.UNFILLED, 0, 0, -1, null, null);
        }
        JsonObject notCanceled = body == null ? null : body.getJsonObject("not_canceled");
        String reason = notCanceled == null ? "not cancelled" : notCanceled.getString(orderHash, "not cancelled");
        return result(sent, orderHash, OrderStatus.REJECTED, 0, 0, -1, "not_canceled", reason);
    }

    private static OrderResult error(Sent sent, ClobReply reply, JsonObject body) {
        String message = body == null ? abbreviate(reply.body()) : body.getString("error", abbreviate(reply.body()));
        return switch (reply.status()) {
            case 400, 404 -> classifyError(sent, message);
            case 401, 403 -> rejected(sent, "unauthorized", message);
            case 429 -> rejected(sent, "rate_limited", message + retryHint(reply));
            case 425 -> rejected(sent, "too_early", message + retryHint(reply));
            case 503 ->
                rejected(
                        sent,
                        body != null && body.getString("code") != null
                                ? body.getString("code")
                                : message.toLowerCase(Locale.ROOT).contains("cancel-only")
                                        ? "cancel_only"
                                        : "trading_disabled",
                        message + retryHint(reply));
            // 500 "order timed out" and other server errors: the order may exist; resubmitting is safe
            default -> unknown(sent, "HTTP " + reply.status() + ": " + message);
        };
    }

    /** Known {@code POST /order} 400 messages (polymarket.md §3.8) to short codes. */
    static OrderResult classifyError(Sent sent, String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("fok orders are fully filled or killed") || m.contains("no orders found to match with fak")) {
            return result(sent, sent.orderHash(), OrderStatus.UNFILLED, 0, 0, -1, null, message);
        }
        String code;
        if (m.contains("invalid signature")) {
            code = "invalid_signature";
        } else if (m.contains("not enough balance")) {
            code = "insufficient_balance";
        } else if (m.contains("breaks minimum tick size")) {
            code = "tick_size";
        } else if (m.contains("lower than the minimum")) {
            code = "min_size";
        } else if (m.contains("duplicated")) {
            code = "duplicated";
        } else if (m.contains("max accuracy")) {
            code = "precision";
        } else if (m.contains("not yet ready")) {
            code = "market_not_ready";
        } else if (m.contains("owner has to be the owner")) {
            code = "owner_mismatch";
        } else if (m.contains("signer address has to be")) {
            code = "signer_mismatch";
        } else if (m.contains("deposit wallet")) {
            code = "deposit_wallet_required";
        } else if (m.contains("order_version_mismatch") || m.contains("invalid order version")) {
            code = "order_version_mismatch";
        } else if (m.contains("not found")) {
            code = "not_found";
        } else if (m.contains("invalid expiration")) {
            code = "invalid_expiration";
        } else {
            code = "invalid_order";
        }
        return rejected(sent, code, message);
    }

    private static String retryHint(ClobReply reply) {
        return reply.retryAfterHeader() == null ? "" : " (Retry-After " + reply.retryAfterHeader() + " s)";
    }

    private static OrderResult rejected(Sent sent, String code, String message) {
        return result(sent, sent.orderHash(), OrderStatus.REJECTED, 0, 0, -1, code, message);
    }

    static OrderResult unknown(Sent sent, String reason) {
        return result(sent, sent.orderHash(), OrderStatus.UNKNOWN, 0, 0, -1, null, reason);
    }

    private static OrderResult result(
            Sent sent,
            String orderId,
            OrderStatus status,
            long filled,
            long remaining,
            long average,
            String code,
            String reason) {
        return new OrderResult(
                sent.clientOrderId(), orderId, status, filled, remaining, average, BigDecimal.ZERO, code, reason);
    }

    private static long decimal(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null || value.toString().isBlank()) {
            return 0;
        }
        try {
            return toFixed(new BigDecimal(value.toString().strip()));
        } catch (NumberFormatException | ArithmeticException e) {
            return 0;
        }
    }

    private static long toFixed(BigDecimal value) {
        return value.setScale(FixedPoint.DECIMALS, RoundingMode.DOWN)
                .unscaledValue()
                .longValueExact();
    }

    private static JsonObject json(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
