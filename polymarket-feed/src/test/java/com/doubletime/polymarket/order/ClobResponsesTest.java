package com.doubletime.polymarket.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.TimeInForce;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClobResponsesTest {
    static final String HASH = "0xfb312cb91e80ebbb18881972c834b074b99622e7e49f42cd42c36665d1d6e964";
    static final ClobResponses.Sent FOK_BUY =
            new ClobResponses.Sent("c1", HASH, ClobSide.BUY, 100_000_000, 520_000, TimeInForce.FILL_OR_KILL);
    static final ClobResponses.Sent FAK_BUY =
            new ClobResponses.Sent("c1", HASH, ClobSide.BUY, 100_000_000, 520_000, TimeInForce.IMMEDIATE_OR_CANCEL);

    private static String ok(String status, String making, String taking) {
        return "{\"success\":true,\"errorMsg\":\"\",\"orderID\":\"" + HASH + "\",\"status\":\"" + status
                + "\",\"makingAmount\":\"" + making + "\",\"takingAmount\":\"" + taking
                + "\",\"transactionsHashes\":[],\"tradeIDs\":[]}";
    }

    @Test
    void matchedFokIsFilledAtTheAveragePriceOfItsAmounts() {
        OrderResult result = ClobResponses.placed(FOK_BUY, new ClobReply(200, ok("matched", "51.5", "100"), null));

        assertEquals(OrderStatus.FILLED, result.status());
        assertEquals(100_000_000, result.filledQuantity());
        assertEquals(515_000, result.averagePrice());
        assertEquals(HASH, result.venueOrderId());
    }

    @Test
    void amountsThatDoNotFitTheOrderAreNeverGuessedButLeftForConfirmation() {
        OrderResult raw =
                ClobResponses.placed(FOK_BUY, new ClobReply(200, ok("matched", "52000000", "100000000"), null));

        // before: read as raw units by a 1000x threshold against the order size
        assertEquals(OrderStatus.UNKNOWN, raw.status());
        assertEquals(ClobResponses.UNCONFIRMED_FILL, raw.rejectCode());
        assertTrue(raw.rejectReason().contains("more than the 100 ordered"), raw.rejectReason());
        assertEquals(0, raw.filledQuantity());

        for (String[] doubtful : new String[][] {
            {"20.8", "40"}, // a partial fill spelled as a whole number: shares or raw units?
            {"60", "100.0"}, // 0.60 a share, above the 0.52 limit
            {"1e2", "100"}, // not a plain decimal
            {"", "-5"},
            {"52", ""}
        }) {
            OrderResult result =
                    ClobResponses.placed(FAK_BUY, new ClobReply(200, ok("matched", doubtful[0], doubtful[1]), null));
            assertEquals(ClobResponses.UNCONFIRMED_FILL, result.rejectCode(), String.join("/", doubtful));
        }
        assertEquals(
                ClobResponses.UNCONFIRMED_FILL,
                ClobResponses.placed(FOK_BUY, new ClobReply(200, ok("matched", "20.8", "40.00"), null))
                        .rejectCode(),
                "a FOK fills whole or not at all");
    }

    @Test
    void aSmallPartialFillInRawUnitsOnALargeOrderIsConfirmedAtTheVenuesSizeAndFlagged() {
        ClobResponses.Sent large = new ClobResponses.Sent(
                "c9", HASH, ClobSide.BUY, 10_000 * FixedPoint.ONE, 520_000, TimeInForce.IMMEDIATE_OR_CANCEL);
        ClobReply reply = new ClobReply(200, ok("matched", "2600000", "5000000"), null);
        // before: 5000000 < 1000 x 10000, so it was read as five million shares
        assertEquals(
                ClobResponses.UNCONFIRMED_FILL,
                ClobResponses.placed(large, reply).rejectCode());

        ClobResponses.Confirmation confirmed =
                ClobResponses.confirmed(large, reply, Optional.of(record("CANCELED", "10000", "5")));

        assertEquals(OrderStatus.PARTIALLY_FILLED, confirmed.result().status());
        assertEquals(5 * FixedPoint.ONE, confirmed.result().filledQuantity());
        assertEquals(520_000, confirmed.result().averagePrice(), "the ratio holds in any unit");
        assertEquals(ClobResponses.FILL_MISMATCH, confirmed.result().rejectCode());
        assertTrue(confirmed.mismatch().contains("'5000000' is not the 5 shares"), confirmed.mismatch());
    }

    @Test
    void aConfirmedPartialFillOfAnImmediateOrderIsPartialWhateverStatusTheVenueRecordCarries() {
        // the whole-number reply of a partial fill is confirmed; the venue's record of a FAK can say MATCHED
        ClobReply reply = new ClobReply(200, ok("matched", "17", "34"), null);

        ClobResponses.Confirmation confirmed =
                ClobResponses.confirmed(FAK_BUY, reply, Optional.of(record("MATCHED", "100", "34")));

        assertEquals(null, confirmed.mismatch());
        assertEquals(OrderStatus.PARTIALLY_FILLED, confirmed.result().status());
        assertEquals(34 * FixedPoint.ONE, confirmed.result().filledQuantity());
        assertEquals(0, confirmed.result().remainingQuantity(), "the rest of an immediate order is cancelled");
    }

    @Test
    void aConfirmationThatAgreesRaisesNothingAndOneThatFindsNoOrderStaysUnknown() {
        ClobReply reply = new ClobReply(200, ok("matched", "20.8", "40"), null);

        ClobResponses.Confirmation agreed =
                ClobResponses.confirmed(FAK_BUY, reply, Optional.of(record("MATCHED", "100", "40")));
        assertEquals(null, agreed.mismatch());
        assertEquals(40 * FixedPoint.ONE, agreed.result().filledQuantity());
        assertEquals(520_000, agreed.result().averagePrice());
        assertEquals(null, agreed.result().rejectCode());

        ClobResponses.Confirmation missing = ClobResponses.confirmed(FAK_BUY, reply, Optional.empty());
        assertEquals(OrderStatus.UNKNOWN, missing.result().status());
        assertTrue(missing.mismatch().contains("no order"), missing.mismatch());
    }

    @Test
    void theOrderRecordIsReadInFullAndA404MeansNoSuchOrder() {
        String body = "{\"id\":\"" + HASH + "\",\"status\":\"ORDER_STATUS_MATCHED\",\"owner\":\"k\","
                + "\"maker_address\":\"0xf39F\",\"market\":\"0xaa\",\"asset_id\":\"101\",\"side\":\"BUY\","
                + "\"original_size\":\"100\",\"size_matched\":\"35.714284\",\"price\":\"0.52\","
                + "\"associate_trades\":[\"t1\"],\"outcome\":\"Yes\",\"created_at\":1782753357,"
                + "\"expiration\":\"0\",\"order_type\":\"FAK\"}";

        ClobOpenOrder order = ClobResponses.openOrderRecord(HASH, new ClobReply(200, body, null))
                .orElseThrow();

        assertEquals(
                new ClobOpenOrder(
                        HASH, "MATCHED", "0xaa", "101", "BUY", 100_000_000, 35_714_284, 520_000, List.of("t1"), "FAK"),
                order);
        assertTrue(ClobResponses.openOrderRecord(HASH, new ClobReply(404, "{\"error\":\"not found\"}", null))
                .isEmpty());
        assertThrows(
                IllegalStateException.class,
                () -> ClobResponses.openOrderRecord(HASH, new ClobReply(500, "oops", null)));
    }

    private static ClobOpenOrder record(String status, String original, String matched) {
        return new ClobOpenOrder(
                HASH,
                status,
                "0xaa",
                "101",
                "BUY",
                FixedPoint.parse(original),
                FixedPoint.parse(matched),
                520_000,
                List.of(),
                "FAK");
    }

    @Test
    void matchedFakForLessThanAskedIsPartiallyFilledWithNothingLeftOpen() {
        OrderResult result = ClobResponses.placed(FAK_BUY, new ClobReply(200, ok("matched", "20.8", "40.00"), null));

        assertEquals(OrderStatus.PARTIALLY_FILLED, result.status());
        assertEquals(40_000_000, result.filledQuantity());
        assertEquals(0, result.remainingQuantity());
    }

    @Test
    void liveDelayedAndUnmatchedMapToRestingDelayedAndUnfilled() {
        assertEquals(
                OrderStatus.RESTING,
                ClobResponses.placed(FOK_BUY, new ClobReply(200, ok("live", "", ""), null))
                        .status());
        assertEquals(
                OrderStatus.DELAYED,
                ClobResponses.placed(FOK_BUY, new ClobReply(200, ok("delayed", "", ""), null))
                        .status());
        assertEquals(
                OrderStatus.UNFILLED,
                ClobResponses.placed(FOK_BUY, new ClobReply(200, ok("unmatched", "", ""), null))
                        .status());
    }

    @Test
    void killedFokAndUnmatchedFakAreUnfilledNotRejected() {
        OrderResult fok = ClobResponses.placed(
                FOK_BUY,
                new ClobReply(
                        400,
                        "{\"error\":\"order couldn't be fully filled. FOK orders are fully filled or killed.\"}",
                        null));
        OrderResult fak = ClobResponses.placed(
                FAK_BUY,
                new ClobReply(
                        400,
                        "{\"error\":\"no orders found to match with FAK order. FAK orders are partially filled or killed if no "
                                + "match is found.\"}",
                        null));

        assertEquals(OrderStatus.UNFILLED, fok.status());
        assertEquals(OrderStatus.UNFILLED, fak.status());
        assertNull(fok.rejectCode());
    }

    @Test
    void documentedErrorBodiesBecomeRejectionsWithShortCodes() {
        String[][] cases = {
            {"400", "invalid signature", "invalid_signature"},
            {"400", "not enough balance / allowance", "insufficient_balance"},
            {"400", "order 0x1 is invalid. Price (0.525) breaks minimum tick size rule: 0.01", "tick_size"},
            {"400", "order 0x1 is invalid. Size (1) lower than the minimum: 5", "min_size"},
            {"400", "order 0x1 is invalid. Duplicated.", "duplicated"},
            {"400", "the order owner has to be the owner of the API KEY", "owner_mismatch"},
            {"400", "the order signer address has to be the address of the API KEY", "signer_mismatch"},
            {"400", "maker address not allowed, please use the deposit wallet flow", "deposit_wallet_required"},
            {
                "400",
                "invalid amounts, the market buy orders maker amount supports a max accuracy of 2 decimals, "
                        + "taker amount a max of 4 decimals",
                "precision"
            },
            {"400", "the market is not yet ready to process new orders", "market_not_ready"},
            {"401", "Unauthorized/Invalid api key", "unauthorized"},
            {"429", "Too Many Requests", "rate_limited"},
            {"425", "Too Early", "too_early"},
            {"503", "Trading is currently cancel-only", "cancel_only"}
        };
        for (String[] c : cases) {
            OrderResult result = ClobResponses.placed(
                    FOK_BUY, new ClobReply(Integer.parseInt(c[0]), "{\"error\":\"" + c[1] + "\"}", "3"));
            assertEquals(OrderStatus.REJECTED, result.status(), c[1]);
            assertEquals(c[2], result.rejectCode(), c[1]);
        }
    }

    @Test
    void postOnlyModeKeepsItsCodeAndAnOrderTimeoutIsUnknown() {
        OrderResult postOnly = ClobResponses.placed(
                FOK_BUY,
                new ClobReply(
                        503,
                        "{\"error\":\"post-only mode: only "
                                + "post-only orders and cancels are allowed\",\"code\":\"post_only_mode\",\"retry_after_seconds\":79}",
                        "79"));
        OrderResult timeout =
                ClobResponses.placed(FOK_BUY, new ClobReply(500, "{\"error\":\"order timed out\"}", null));

        assertEquals("post_only_mode", postOnly.rejectCode());
        assertEquals(OrderStatus.UNKNOWN, timeout.status());
    }

    @Test
    void retryAfterHeaderIsReadInSecondsAndOnlyRateAndRestartAnswersAreRetriable() {
        assertEquals(3000, new ClobReply(429, "", "3").retryAfterMillis(500));
        assertEquals(500, new ClobReply(429, "", null).retryAfterMillis(500));
        assertEquals(true, new ClobReply(425, "", null).retriable());
        assertEquals(true, new ClobReply(503, "", null).retriable());
        assertEquals(false, new ClobReply(400, "", null).retriable());
        assertEquals(false, new ClobReply(500, "", null).retriable());
    }

    @Test
    void openOrderStatusesOldAndNewSpellingsMapAlike() {
        String live = "{\"id\":\"" + HASH + "\",\"status\":\"ORDER_STATUS_LIVE\",\"original_size\":\"100\","
                + "\"size_matched\":\"40\",\"price\":\"0.52\"}";
        String matched = "{\"id\":\"" + HASH + "\",\"status\":\"MATCHED\",\"original_size\":\"100\","
                + "\"size_matched\":\"100\",\"price\":\"0.52\"}";

        OrderResult partly = ClobResponses.openOrder(HASH, new ClobReply(200, live, null));
        OrderResult filled = ClobResponses.openOrder(HASH, new ClobReply(200, matched, null));

        assertEquals(OrderStatus.PARTIALLY_FILLED, partly.status());
        assertEquals(40_000_000, partly.filledQuantity());
        assertEquals(60_000_000, partly.remainingQuantity());
        assertEquals(OrderStatus.FILLED, filled.status());
    }

    @Test
    void cancelAnswerNamesCanceledAndNotCanceledOrders() {
        OrderResult canceled = ClobResponses.cancelled(
                HASH, new ClobReply(200, "{\"canceled\":[\"" + HASH + "\"],\"not_canceled\":{}}", null));
        OrderResult refused = ClobResponses.cancelled(
                HASH,
                new ClobReply(
                        200, "{\"canceled\":[],\"not_canceled\":{\"" + HASH + "\":\"order already matched\"}}", null));

        assertEquals(OrderStatus.UNFILLED, canceled.status());
        assertEquals(OrderStatus.REJECTED, refused.status());
        assertEquals("order already matched", refused.rejectReason());
    }

    @Test
    void unreadableAnswersAreUnknownNeverAssumedAbsent() {
        assertEquals(
                OrderStatus.UNKNOWN,
                ClobResponses.placed(FOK_BUY, new ClobReply(200, "<html>", null))
                        .status());
        assertEquals(
                OrderStatus.UNKNOWN,
                ClobResponses.placed(FOK_BUY, new ClobReply(502, "bad gateway", null))
                        .status());
    }
}
