package com.doubletime.executor.recovery;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.VenueFees;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.VenueOrder;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.LegOrder;
import com.doubletime.domain.trade.LegPurpose;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.OrderEventKind;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.executor.lifecycle.TradeJournal;
import com.doubletime.executor.live.LiveExecution;
import com.doubletime.executor.live.LiveLeg;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * Closes the live trades a restart interrupted: an accepted decision with order events but no trade report.
 * Nothing is ever re-sent. For each of its orders the last journaled answer is used when it is final;
 * otherwise the venue is asked by the order's venue id ({@link VenueOrderGateway#status}); an order whose
 * request was journaled but whose answer never was is looked up by the venue id journaled with its request when
 * the venue's id was known before sending (Polymarket: the order hash, {@link VenueOrderGateway#findByVenueOrderId},
 * {@code GET /data/order/<hash>}), else by the client order id we chose ({@link
 * VenueOrderGateway#findByClientOrderId}: Kalshi lists its orders with it), and recorded as the venue says, or
 * UNKNOWN and reported loudly when the venue cannot tell. Each finding is
 * journaled as a {@link OrderEventKind#RECONCILED} event, then a RECOVERED alert and the trade's report,
 * so positions and the day's P&amp;L include it. Unhedged results are reported, not traded on: after a
 * restart a trader decides.
 */
public final class TradeRecovery {
    private static final System.Logger LOG = System.getLogger(TradeRecovery.class.getName());

    /** The interrupted trades found in a journal, in journal order. */
    public static final class Interrupted {
        final TradeDecision decision;
        /** Events per client order id, in journal order. */
        final Map<String, List<OrderEvent>> orders = new LinkedHashMap<>();

        Interrupted(TradeDecision decision) {
            this.decision = decision;
        }
    }

    private final Map<String, Interrupted> open = new LinkedHashMap<>();
    private final Map<String, TradeDecision> decisions = new LinkedHashMap<>();

    /** Feeds one journal entry, oldest first. */
    public void fold(JournalEntry entry) {
        if (entry instanceof TradeDecision decision && decision.accepted()) {
            decisions.put(decision.tradeId(), decision);
        } else if (entry instanceof OrderEvent event) {
            TradeDecision decision = decisions.get(event.tradeId());
            if (decision != null) {
                open.computeIfAbsent(event.tradeId(), id -> new Interrupted(decision))
                        .orders
                        .computeIfAbsent(event.clientOrderId(), id -> new ArrayList<>())
                        .add(event);
            }
        } else if (entry instanceof TradeReport report) {
            decisions.remove(report.tradeId());
            open.remove(report.tradeId());
        }
    }

    public List<Interrupted> interrupted() {
        return List.copyOf(open.values());
    }

    /**
     * Accepted decisions with neither an order event nor a report, in journal order: the executor stopped between
     * the decision and its orders' requests (or, in paper mode, its simulated fill).
     */
    public List<TradeDecision> unrequested() {
        List<TradeDecision> waiting = new ArrayList<>();
        for (TradeDecision decision : decisions.values()) {
            if (!open.containsKey(decision.tradeId())) {
                waiting.add(decision);
            }
        }
        return waiting;
    }

    /**
     * Closes a paper decision the restart left without its fill: nothing was sent anywhere, and the report says so
     * (journaled, REJECTED, nothing filled).
     */
    public static CompletionStage<TradeReport> closePaper(TradeDecision decision, TradeJournal journal, long nowNanos) {
        TradeReport report = notSent(
                decision,
                ExecutionMode.PAPER,
                "closed at restart: the journal holds no report for this decision (the executor stopped before"
                        + " recording its simulated fill); paper mode, no order was sent",
                nowNanos);
        LOG.log(System.Logger.Level.WARNING, "trade " + decision.tradeId() + " " + report.reason());
        return journal.append(report).thenApply(recorded -> report);
    }

    /**
     * Closes a live decision the restart left before any order request was journaled. Requests are journaled before
     * an order leaves, so none should exist; each venue is still asked for the entry order by the client order id it
     * would have had ({@link VenueOrderGateway#findByClientOrderId}). An order the venue holds (only possible if the
     * journal lost its request in a power cut: the order path flushes while the orders are in flight) is journaled {@code RECONCILED} and
     * counted; otherwise the report says no order was sent and what each venue answered. A RECOVERED alert and the
     * report are journaled. Polymarket keeps no client order id: its entry order is the one start-up found in the
     * account's trades for this decision ({@code polymarketFound}, null when none; {@link VenueOrderImport}).
     */
    public static CompletionStage<TradeReport> closeUnrequested(
            TradeDecision decision,
            MarketPair pair,
            Map<Platform, VenueOrderGateway> gateways,
            TradeJournal journal,
            LongSupplier clock,
            VenueOrder polymarketFound) {
        List<OrderEvent> requests = List.of(
                unjournaledRequest(decision, decision.kalshi(), clock),
                unjournaledRequest(decision, decision.polymarket(), clock));
        LiveLeg kalshi =
                new LiveLeg(decision.kalshi(), decision.quantity(), VenueFees.ofOrHighest(pair, Platform.KALSHI));
        LiveLeg polymarket = new LiveLeg(
                decision.polymarket(), decision.quantity(), VenueFees.ofOrHighest(pair, Platform.POLYMARKET));
        List<String> answers = new ArrayList<>();
        boolean[] found = new boolean[1];
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (OrderEvent request : requests) {
            chain = chain.thenCompose(done -> request.platform() == Platform.POLYMARKET && polymarketFound != null
                            ? CompletableFuture.completedFuture(found(request, polymarketFound))
                            : ask(request, gateways.get(request.platform())))
                    .thenCompose(result -> {
                        String venue = request.platform().wireName();
                        if (result.status() == OrderStatus.UNKNOWN
                                || result.status() == OrderStatus.REJECTED
                                || result.status() == OrderStatus.UNFILLED && result.filledQuantity() <= 0) {
                            answers.add(venue + " has no order " + request.clientOrderId()
                                    + (result.status() == OrderStatus.UNKNOWN
                                            ? " it can tell of (" + result.rejectReason() + ")"
                                            : ""));
                            return CompletableFuture.completedFuture(null);
                        }
                        found[0] = true;
                        answers.add(venue + " holds order " + request.clientOrderId() + ": " + result.status() + ", "
                                + result.filledQuantity() / FixedPoint.ONE + " filled");
                        LiveLeg leg = request.platform() == Platform.KALSHI ? kalshi : polymarket;
                        if (result.status() == OrderStatus.RESTING || result.status() == OrderStatus.DELAYED) {
                            leg.markUnknown(request.clientOrderId() + " (" + result.status() + " after restart)");
                        }
                        leg.apply(request.action(), result);
                        return journal.append(reconciledEvent(request, result, result.venueOrderId(), clock));
                    });
        }
        return chain.thenCompose(done -> {
            long now = clock.getAsLong();
            TradeReport report = found[0]
                    ? LiveExecution.report(decision, kalshi, polymarket, now)
                    : notSent(
                            decision,
                            ExecutionMode.LIVE,
                            "interrupted by a restart after its decision and before any order request was journaled:"
                                    + " no order was sent (" + String.join("; ", answers) + ")",
                            now);
            String message = "trade " + decision.tradeId() + " was decided but never reported before a restart; "
                    + (found[0]
                            ? "the venues hold orders the journal never requested (" + String.join("; ", answers)
                                    + "): they are counted; "
                            : "")
                    + (report.reason() == null ? "" : report.reason());
            LOG.log(System.Logger.Level.WARNING, message);
            return journal.append(new ExecutionAlert(
                            decision.tradeId() + ":recovered",
                            decision.tradeId(),
                            ExecutionAlert.AlertKind.RECOVERED,
                            message,
                            now))
                    .thenCompose(recorded -> journal.append(report))
                    .thenApply(recorded -> report);
        });
    }

    /** A Polymarket entry order start-up found in the account's trades: final (FAK/FOK orders never rest). */
    private static OrderResult found(OrderEvent request, VenueOrder order) {
        return new OrderResult(
                request.clientOrderId(),
                order.venueOrderId(),
                order.filledQuantity() >= request.quantity() ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED,
                order.filledQuantity(),
                0,
                order.averagePrice(),
                order.fees(),
                null,
                "found in the account's trades at restart (order " + order.venueOrderId() + ")");
    }

    /** The venue's order with the request's client order id; UNKNOWN (with why) when it cannot tell. */
    private static CompletionStage<OrderResult> ask(OrderEvent request, VenueOrderGateway gateway) {
        CompletionStage<OrderResult> found;
        try {
            found = gateway.findByClientOrderId(request.clientOrderId(), request.instrument());
        } catch (RuntimeException e) {
            found = CompletableFuture.failedFuture(e);
        }
        return found.handle((result, failure) -> failure == null && result != null
                ? result
                : new OrderResult(
                        request.clientOrderId(),
                        null,
                        OrderStatus.UNKNOWN,
                        0,
                        0,
                        -1,
                        BigDecimal.ZERO,
                        "lookup_failed",
                        "the lookup failed: " + (failure == null ? "no answer" : failure.getMessage())));
    }

    private static TradeReport notSent(TradeDecision decision, ExecutionMode mode, String reason, long nowNanos) {
        return new TradeReport(
                decision.tradeId(),
                decision.opportunityId(),
                decision.pairId(),
                decision.direction(),
                mode,
                TradeStatus.REJECTED,
                LegFill.notSent(decision.kalshi()),
                LegFill.notSent(decision.polymarket()),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                reason,
                decision.detectedAtNanos(),
                decision.decidedAtNanos(),
                nowNanos);
    }

    /** The entry order a decision would have requested: what the venue is asked about (never journaled as such). */
    private static OrderEvent unjournaledRequest(TradeDecision decision, LegOrder leg, LongSupplier clock) {
        String clientOrderId = LiveExecution.clientOrderId(decision.tradeId(), leg.platform(), LegPurpose.ENTRY, 0);
        return new OrderEvent(
                clientOrderId + ":requested:0",
                decision.tradeId(),
                OrderEventKind.REQUESTED,
                LegPurpose.ENTRY,
                leg.platform(),
                clientOrderId,
                null,
                OrderAction.BUY,
                leg.outcome(),
                leg.instrument(),
                leg.limitPrice(),
                decision.quantity() * FixedPoint.ONE,
                null,
                0,
                -1,
                BigDecimal.ZERO,
                null,
                clock.getAsLong());
    }

    /**
     * Reconciles one interrupted trade against the venues and journals what it found; completes with the
     * report (already journaled).
     */
    public static CompletionStage<TradeReport> reconcile(
            Interrupted trade,
            MarketPair pair,
            Map<Platform, VenueOrderGateway> gateways,
            TradeJournal journal,
            LongSupplier clock,
            List<VenueOrder> unjournaled) {
        TradeDecision decision = trade.decision;
        // a pair removed since: a fee the venue did not report is estimated high, never understated
        LiveLeg kalshi =
                new LiveLeg(decision.kalshi(), decision.quantity(), VenueFees.ofOrHighest(pair, Platform.KALSHI));
        LiveLeg polymarket = new LiveLeg(
                decision.polymarket(), decision.quantity(), VenueFees.ofOrHighest(pair, Platform.POLYMARKET));
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (List<OrderEvent> events : trade.orders.values()) {
            chain = chain.thenCompose(done -> settle(events, gateways, journal, clock))
                    .thenAccept(result -> {
                        OrderEvent first = events.get(0);
                        LiveLeg leg = first.platform() == Platform.KALSHI ? kalshi : polymarket;
                        if (result.status() == OrderStatus.UNKNOWN
                                || result.status() == OrderStatus.DELAYED
                                || result.status() == OrderStatus.RESTING) {
                            leg.markUnknown(first.clientOrderId() + " (" + result.status() + " after restart)");
                        }
                        leg.apply(first.action(), result);
                    });
        }
        List<String> found = new ArrayList<>();
        for (VenueOrder order : unjournaled) {
            chain = chain.thenCompose(done -> {
                boolean onKalshi = order.platform() == Platform.KALSHI;
                OrderEvent event = VenueOrderImport.fold(
                        decision.tradeId(),
                        order,
                        onKalshi ? decision.kalshi() : decision.polymarket(),
                        onKalshi ? kalshi : polymarket,
                        clock);
                found.add(VenueOrderImport.describe(order, event));
                return journal.append(event);
            });
        }
        return chain.thenCompose(done -> {
            TradeReport report = LiveExecution.report(decision, kalshi, polymarket, clock.getAsLong());
            String message = "trade " + decision.tradeId() + " was interrupted by a restart and reconciled without "
                    + "re-sending anything: kalshi holds " + kalshi.held() + ", polymarket " + polymarket.held()
                    + (found.isEmpty()
                            ? ""
                            : "; orders the journal lost, found at the venues: " + String.join("; ", found))
                    + (report.reason() == null ? "" : "; " + report.reason())
                    + (pair == null
                            ? "; pair " + decision.pairId() + " is no longer configured: fees the venues did not report"
                                    + " are estimated at the highest documented taker rate "
                                    + FixedPoint.format(VenueFees.HIGHEST_DOCUMENTED_RATE, 2)
                            : "");
            LOG.log(System.Logger.Level.WARNING, message);
            return journal.append(new ExecutionAlert(
                            decision.tradeId() + ":recovered",
                            decision.tradeId(),
                            ExecutionAlert.AlertKind.RECOVERED,
                            message,
                            clock.getAsLong()))
                    .thenCompose(recorded -> journal.append(report))
                    .thenApply(recorded -> report);
        });
    }

    /** The order's final state: its last journaled answer if final, else the venue's, journaled as RECONCILED. */
    private static CompletionStage<OrderResult> settle(
            List<OrderEvent> events,
            Map<Platform, VenueOrderGateway> gateways,
            TradeJournal journal,
            LongSupplier clock) {
        OrderEvent last = events.get(events.size() - 1);
        String venueOrderId = null;
        String requestedId = null;
        for (OrderEvent event : events) {
            if (event.venueOrderId() != null) {
                if (event.kind() == OrderEventKind.REQUESTED) {
                    requestedId = event.venueOrderId();
                } else {
                    venueOrderId = event.venueOrderId();
                }
            }
        }
        if (last.kind() != OrderEventKind.REQUESTED && isFinal(last.status())) {
            return CompletableFuture.completedFuture(resultOf(last, venueOrderId != null ? venueOrderId : requestedId));
        }
        VenueOrderGateway gateway = gateways.get(last.platform());
        CompletionStage<OrderResult> asked = venueOrderId != null
                ? gateway.status(venueOrderId)
                : requestedId != null
                        ? byVenueOrderId(events.get(0), requestedId, gateway)
                        : byClientOrderId(events.get(0), gateway);
        String id = venueOrderId != null ? venueOrderId : requestedId;
        return asked.thenCompose(result -> journal.append(reconciledEvent(events.get(0), result, id, clock))
                .thenApply(done -> result));
    }

    /** What the venue says about an order, journaled as its RECONCILED event. */
    private static OrderEvent reconciledEvent(
            OrderEvent first, OrderResult result, String knownVenueOrderId, LongSupplier clock) {
        return new OrderEvent(
                first.clientOrderId() + ":reconciled",
                first.tradeId(),
                OrderEventKind.RECONCILED,
                first.purpose(),
                first.platform(),
                first.clientOrderId(),
                result.venueOrderId() != null ? result.venueOrderId() : knownVenueOrderId,
                first.action(),
                first.outcome(),
                first.instrument(),
                first.limitPrice(),
                first.quantity(),
                result.status(),
                Math.max(0, result.filledQuantity()),
                result.averagePrice(),
                result.fees() == null ? BigDecimal.ZERO : result.fees(),
                result.rejectReason(),
                clock.getAsLong());
    }

    /**
     * An order whose request was journaled but whose answer never was: the venue is asked by the client order
     * id we chose ({@link VenueOrderGateway#findByClientOrderId}). What it says is final when it is (an order
     * that never reached the venue is UNFILLED with nothing filled); otherwise, or when the lookup itself
     * fails, the order stays UNKNOWN and is reported.
     */
    private static CompletionStage<OrderResult> byClientOrderId(OrderEvent request, VenueOrderGateway gateway) {
        String unanswered = "the request was journaled but no answer: not re-sent; check the venue's fills for client "
                + "order id " + request.clientOrderId();
        CompletionStage<OrderResult> found;
        try {
            found = gateway.findByClientOrderId(request.clientOrderId(), request.instrument());
        } catch (RuntimeException e) {
            found = CompletableFuture.failedFuture(e);
        }
        return found.handle((result, failure) -> {
            if (failure != null || result == null) {
                return new OrderResult(
                        request.clientOrderId(),
                        null,
                        OrderStatus.UNKNOWN,
                        0,
                        0,
                        -1,
                        BigDecimal.ZERO,
                        "no_venue_id",
                        unanswered + " (lookup by client order id failed: "
                                + (failure == null ? "no answer" : failure.getMessage()) + ")");
            }
            if (result.status() == OrderStatus.UNKNOWN) {
                return new OrderResult(
                        request.clientOrderId(),
                        result.venueOrderId(),
                        OrderStatus.UNKNOWN,
                        0,
                        0,
                        -1,
                        BigDecimal.ZERO,
                        result.rejectCode() == null ? "no_venue_id" : result.rejectCode(),
                        unanswered + (result.rejectReason() == null ? "" : " (" + result.rejectReason() + ")"));
            }
            return new OrderResult(
                    request.clientOrderId(),
                    result.venueOrderId(),
                    result.status(),
                    result.filledQuantity(),
                    result.remainingQuantity(),
                    result.averagePrice(),
                    result.fees(),
                    result.rejectCode(),
                    result.rejectReason() != null
                            ? result.rejectReason()
                            : "found at the venue by client order id " + request.clientOrderId());
        });
    }

    /**
     * An order whose request was journaled with its venue id (known before sending: Polymarket's order hash) but
     * whose answer never was: the venue's record by that id. Final when the venue's record is (an order it never
     * received is UNFILLED with nothing filled); otherwise, or when the venue cannot be asked, UNKNOWN and reported.
     */
    private static CompletionStage<OrderResult> byVenueOrderId(
            OrderEvent request, String venueOrderId, VenueOrderGateway gateway) {
        CompletionStage<OrderResult> found;
        try {
            found = gateway.findByVenueOrderId(venueOrderId, request.clientOrderId());
        } catch (RuntimeException e) {
            found = CompletableFuture.failedFuture(e);
        }
        return found.handle((result, failure) -> {
            if (failure != null || result == null || result.status() == OrderStatus.UNKNOWN) {
                String why = failure != null
                        ? failure.getMessage()
                        : result == null ? "no answer" : String.valueOf(result.rejectReason());
                return new OrderResult(
                        request.clientOrderId(),
                        venueOrderId,
                        OrderStatus.UNKNOWN,
                        0,
                        0,
                        -1,
                        BigDecimal.ZERO,
                        "lookup_failed",
                        "the request was journaled but no answer: not re-sent; the venue could not say what became of"
                                + " order " + venueOrderId + " (" + why + ")");
            }
            return new OrderResult(
                    request.clientOrderId(),
                    result.venueOrderId() != null ? result.venueOrderId() : venueOrderId,
                    result.status(),
                    result.filledQuantity(),
                    result.remainingQuantity(),
                    result.averagePrice(),
                    result.fees(),
                    result.rejectCode(),
                    result.rejectReason() != null
                            ? result.rejectReason()
                            : "found at the venue by the order id journaled with its request: " + venueOrderId);
        });
    }

    private static boolean isFinal(OrderStatus status) {
        return status == OrderStatus.FILLED
                || status == OrderStatus.PARTIALLY_FILLED
                || status == OrderStatus.UNFILLED
                || status == OrderStatus.REJECTED;
    }

    private static OrderResult resultOf(OrderEvent event, String venueOrderId) {
        return new OrderResult(
                event.clientOrderId(),
                venueOrderId,
                event.status(),
                event.filledQuantity(),
                0,
                event.averagePrice(),
                event.fees(),
                null,
                event.detail());
    }
}
