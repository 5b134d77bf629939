package com.doubletime.polymarket.order;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.TimeInForce;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps the CLOB's answers to domain {@link OrderResult}s (polymarket.md §3.3–§3.5, §3.8), without Vert.x or
 * I/O so every documented body is unit-tested. A FOK that found no liquidity is {@code UNFILLED}, not a
 * rejection: nothing is wrong with the order.
 */
public final class ClobResponses {
    /** A matched reply whose amounts do not fit the order: the gateway confirms it before anyone uses it. */
    public static final String UNCONFIRMED_FILL = "fill_unconfirmed";
    /** A confirmed fill that contradicts the reply it confirms: alert on it. */
    public static final String FILL_MISMATCH = "fill_mismatch";

    /** How much of an unreadable answer an error message shows. */
    private static final int SHOWN_CHARACTERS = 200;
    /** One micro-dollar of slack when comparing an average with the limit: amounts are rounded to 6 places. */
    private static final long PRICE_ROUNDING = 1;

    /** Twelve whole digits: a trillion shares or dollars is beyond any fill, and times 10^6 still fits a long. */
    private static final int MAX_WHOLE_DIGITS = 12;

    private static final Pattern PLAIN_AMOUNT =
            Pattern.compile("[0-9]{1," + MAX_WHOLE_DIGITS + "}(\\.[0-9]{1," + FixedPoint.DECIMALS + "})?");

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
        if (!reply.successful()) {
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
        String sharesField = sharesField(sent);
        String cashField = cashField(sent);
        Amount shares = amount(body, sharesField);
        Amount cash = amount(body, cashField);
        if (shares.absent() && sent.timeInForce() == TimeInForce.FILL_OR_KILL) {
            // a matched FOK is filled whole, by the order type's own rule; the venue may leave the amounts empty
            return result(sent, orderId, OrderStatus.FILLED, sent.quantity(), 0, sent.limitPrice(), null, null);
        }
        String doubt = doubt(sent, sharesField, shares, cashField, cash);
        if (doubt != null) {
            return result(sent, orderId, OrderStatus.UNKNOWN, 0, 0, -1, UNCONFIRMED_FILL, doubt);
        }
        long filled = shares.fixed();
        long average = cash.absent() ? sent.limitPrice() : averagePrice(cash.value(), shares.value());
        long remaining = Math.max(0, sent.quantity() - filled);
        OrderStatus status = remaining == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        // FAK: the unfilled rest is cancelled, nothing stays open
        return result(sent, orderId, status, filled, 0, average, null, null);
    }

    private static String sharesField(Sent sent) {
        return sent.side() == ClobSide.BUY ? "takingAmount" : "makingAmount";
    }

    private static String cashField(Sent sent) {
        return sent.side() == ClobSide.BUY ? "makingAmount" : "takingAmount";
    }

    /**
     * Why a matched reply's amounts cannot be taken as they stand, or null. The unit is not in doubt: the
     * official SDKs read {@code makingAmount}/{@code takingAmount} as plain decimals of shares and pUSD —
     * rs-clob-client {@code src/clob/types/response.rs}: {@code PostOrderResponse { making_amount: Decimal,
     * taking_amount: Decimal }} read by {@code empty_string_as_zero}, which is {@code s.parse::<Decimal>()} with
     * no scaling (unlike the raw 6-decimal {@code makerAmount}/{@code takerAmount} of the signed order); the TS
     * client types them {@code string} and never scales them either (clob-client-v2 {@code src/types/clob.ts}
     * {@code OrderResponse}). What can be in doubt is a reply that does not fit the order it answers.
     */
    private static String doubt(Sent sent, String sharesField, Amount shares, String cashField, Amount cash) {
        if (shares.absent()) {
            return "matched without " + sharesField;
        }
        if (shares.unreadable() || cash.unreadable()) {
            return "an amount is not a plain decimal: " + sharesField + " '" + shares.text() + "', " + cashField + " '"
                    + cash.text() + "'";
        }
        long filled = shares.fixed();
        String read = sharesField + " " + shares.text() + " read as " + FixedPoint.format(filled, 0) + " shares";
        if (filled <= 0) {
            return read + ": matched for nothing";
        }
        if (filled > sent.quantity()) {
            return read + ", more than the " + FixedPoint.format(sent.quantity(), 0) + " ordered";
        }
        if (sent.timeInForce() == TimeInForce.FILL_OR_KILL && filled != sent.quantity()) {
            return read + ", but a FOK fills all " + FixedPoint.format(sent.quantity(), 0) + " or nothing";
        }
        if (!cash.absent() && !fitsLimit(sent, averagePrice(cash.value(), shares.value()))) {
            return read + " at an average " + FixedPoint.format(averagePrice(cash.value(), shares.value()), 2)
                    + ", outside the limit " + FixedPoint.format(sent.limitPrice(), 2);
        }
        if (filled < sent.quantity() && shares.integral()) {
            // a whole number could be shares or raw units: a partial fill alone cannot tell which
            return read + ", a partial fill written without a decimal point";
        }
        return null;
    }

    /** A fill's average: a price at all, and no worse than the order's limit. */
    private static boolean fitsLimit(Sent sent, long average) {
        boolean worse = sent.side() == ClobSide.BUY
                ? average > sent.limitPrice() + PRICE_ROUNDING
                : average < sent.limitPrice() - PRICE_ROUNDING;
        return average > 0 && average < FixedPoint.ONE && !worse;
    }

    /** A matched reply's amount as sent: absent (missing or empty), unreadable, or a plain decimal. */
    record Amount(String text, BigDecimal value) {
        static final Amount ABSENT = new Amount(null, null);

        boolean absent() {
            return text == null;
        }

        boolean unreadable() {
            return text != null && value == null;
        }

        boolean integral() {
            return value != null && text.indexOf('.') < 0;
        }

        long fixed() {
            return toFixed(value);
        }
    }

    /** Plain decimals only, as many places as the 6-decimal tokens have: no sign, exponent or other digits. */
    static Amount amount(JsonObject body, String field) {
        Object raw = body == null ? null : body.getValue(field);
        if (raw == null || raw.toString().isBlank()) {
            return Amount.ABSENT;
        }
        String text = raw.toString().strip();
        return new Amount(text, PLAIN_AMOUNT.matcher(text).matches() ? new BigDecimal(text) : null);
    }

    private static long averagePrice(BigDecimal cash, BigDecimal shares) {
        return shares.signum() == 0 ? -1 : toFixed(cash.divide(shares, FixedPoint.DECIMALS, RoundingMode.HALF_EVEN));
    }

    /** A confirmed fill, and what the reply said that the venue's record contradicts (null when nothing). */
    public record Confirmation(OrderResult result, String mismatch) {}

    /**
     * Settles a doubtful matched reply ({@link #UNCONFIRMED_FILL}) with the venue's record of the order: its
     * {@code size_matched} is the fill. The average is the reply's own cash/shares ratio when that fits the
     * limit (a ratio is the same in any unit), else the limit price, the worst the order allowed. A reply
     * whose shares disagree with the record is a mismatch, to be alerted on.
     *
     * @param record the venue's record, empty when it has no order with this hash
     */
    public static Confirmation confirmed(Sent sent, ClobReply reply, Optional<ClobOpenOrder> record) {
        String doubt = placed(sent, reply).rejectReason();
        if (record.isEmpty()) {
            String mismatch = "the reply said matched, but the venue has no order " + sent.orderHash();
            return new Confirmation(unknown(sent, mismatch), mismatch);
        }
        ClobOpenOrder order = record.get();
        JsonObject body = json(reply.body());
        Amount shares = amount(body, sharesField(sent));
        Amount cash = amount(body, cashField(sent));
        long filled = order.sizeMatched();
        String mismatch = null;
        if (!shares.absent() && (shares.unreadable() || shares.fixed() != filled)) {
            mismatch = "the reply's " + sharesField(sent) + " '" + shares.text() + "' is not the "
                    + FixedPoint.format(filled, 0) + " shares the venue's order record says matched";
        } else if (filled > sent.quantity()) {
            mismatch = "the venue's order record says " + FixedPoint.format(filled, 0)
                    + " shares matched, more than the " + FixedPoint.format(sent.quantity(), 0) + " ordered";
        }
        long average = -1;
        if (filled > 0) {
            average = sent.limitPrice();
            boolean readable = !shares.absent() && !shares.unreadable() && !cash.absent() && !cash.unreadable();
            long ratio = readable ? averagePrice(cash.value(), shares.value()) : -1;
            if (readable && fitsLimit(sent, ratio)) {
                average = ratio;
            }
        }
        OrderResult venue = orderResult(order.id(), order, sent);
        // an immediate order's unfilled rest is cancelled at once: what matched decides, as for a plain reply
        OrderStatus status = filled <= 0
                ? venue.status()
                : filled >= sent.quantity() ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        OrderResult result = new OrderResult(
                sent.clientOrderId(),
                sent.orderHash(),
                status,
                filled,
                filled > 0 ? 0 : venue.remainingQuantity(),
                average,
                BigDecimal.ZERO,
                mismatch == null ? null : FILL_MISMATCH,
                "fill confirmed by GET /data/order (" + doubt + ")"
                        + (mismatch == null ? "" : "; MISMATCH: " + mismatch));
        return new Confirmation(result, mismatch);
    }

    /**
     * {@code GET /data/order/{hash}}: the order, empty when the venue has none with this hash (404).
     *
     * @throws IllegalStateException on any other answer (an error, an unreadable body): nothing is known
     */
    public static Optional<ClobOpenOrder> openOrderRecord(String orderHash, ClobReply reply) {
        if (reply.status() == ClobReply.NOT_FOUND) {
            return Optional.empty();
        }
        JsonObject body = json(reply.body());
        if (!reply.successful() || body == null) {
            throw new IllegalStateException(
                    "GET /data/order/" + orderHash + ": HTTP " + reply.status() + " " + abbreviate(reply.body()));
        }
        List<String> trades = new ArrayList<>();
        Object listed = body.getValue("associate_trades");
        if (listed instanceof JsonArray array) {
            array.forEach(trade -> trades.add(String.valueOf(trade)));
        }
        return Optional.of(new ClobOpenOrder(
                body.getString("id", orderHash),
                String.valueOf(body.getValue("status", ""))
                        .toUpperCase(Locale.ROOT)
                        .replace("ORDER_STATUS_", ""),
                body.getString("market"),
                body.getString("asset_id"),
                body.getString("side"),
                decimal(body, "original_size"),
                decimal(body, "size_matched"),
                decimal(body, "price"),
                trades,
                body.getString("order_type")));
    }

    /** {@code GET /data/order/{hash}}: an OpenOrder (status LIVE or ORDER_STATUS_LIVE, … — accept both). */
    public static OrderResult openOrder(String orderHash, ClobReply reply) {
        Sent sent = lookup(orderHash);
        if (!reply.successful()) {
            return error(sent, reply, json(reply.body()));
        }
        try {
            return openOrderRecord(orderHash, reply)
                    .map(order -> orderResult(order.id(), order, sent))
                    .orElseGet(() -> unknown(sent, "unreadable order"));
        } catch (IllegalStateException e) {
            return unknown(sent, "unreadable order");
        }
    }

    /** What a lookup by hash knows of the order: nothing but the hash. */
    static Sent lookup(String orderHash) {
        return new Sent(null, orderHash, ClobSide.BUY, 0, 0, TimeInForce.IMMEDIATE_OR_CANCEL);
    }

    /** The venue's record of an order in domain terms. */
    static OrderResult orderResult(String id, ClobOpenOrder order, Sent sent) {
        long original = order.originalSize();
        long matched = order.sizeMatched();
        long average = matched > 0 && order.price() > 0 ? order.price() : -1;
        return switch (order.status()) {
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
                        "unknown order status '" + order.status() + "'");
        };
    }

    /** {@code DELETE /order}: {@code {"canceled":[…],"not_canceled":{hash: reason}}}. */
    public static OrderResult cancelled(String orderHash, ClobReply reply) {
        JsonObject body = json(reply.body());
        Sent sent = lookup(orderHash);
        if (!reply.successful()) {
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
            case ClobReply.BAD_REQUEST, ClobReply.NOT_FOUND -> classifyError(sent, message);
            case ClobReply.UNAUTHORIZED, ClobReply.FORBIDDEN -> rejected(sent, "unauthorized", message);
            case ClobReply.TOO_MANY_REQUESTS -> rejected(sent, "rate_limited", message + retryHint(reply));
            case ClobReply.TOO_EARLY -> rejected(sent, "too_early", message + retryHint(reply));
            case ClobReply.SERVICE_UNAVAILABLE ->
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
        return text.length() > SHOWN_CHARACTERS ? text.substring(0, SHOWN_CHARACTERS) + "…" : text;
    }
}
