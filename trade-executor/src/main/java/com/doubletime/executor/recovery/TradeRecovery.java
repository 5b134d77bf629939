package com.doubletime.executor.recovery;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.VenueFees;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.OrderEventKind;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
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
 * request was journaled but whose answer (and so its venue id) never was is looked up by the client order id
 * we chose ({@link VenueOrderGateway#findByClientOrderId}: Kalshi lists its orders with it) and recorded as the
 * venue says, or UNKNOWN and reported loudly when the venue cannot tell (Polymarket). Each finding is
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
     * Reconciles one interrupted trade against the venues and journals what it found; completes with the
     * report (already journaled).
     */
    public static CompletionStage<TradeReport> reconcile(
            Interrupted trade,
            MarketPair pair,
            Map<Platform, VenueOrderGateway> gateways,
            TradeJournal journal,
            LongSupplier clock) {
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
        return chain.thenCompose(done -> {
            TradeReport report = LiveExecution.report(decision, kalshi, polymarket, clock.getAsLong());
            String message = "trade " + decision.tradeId() + " was interrupted by a restart and reconciled without "
                    + "re-sending anything: kalshi holds " + kalshi.held() + ", polymarket " + polymarket.held()
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
        for (OrderEvent event : events) {
            if (event.venueOrderId() != null) {
                venueOrderId = event.venueOrderId();
            }
        }
        if (last.kind() != OrderEventKind.REQUESTED && isFinal(last.status())) {
            return CompletableFuture.completedFuture(resultOf(last, venueOrderId));
        }
        // an id only on the request (fixed before sending, Polymarket's hash) is not an answer: the order may never
        // have reached the venue, which the lookup of an unanswered order tells
        boolean answered = events.stream().anyMatch(event -> event.kind() != OrderEventKind.REQUESTED);
        CompletionStage<OrderResult> asked = venueOrderId == null || !answered
                ? byClientOrderId(events.get(0), gateways.get(last.platform()))
                : gateways.get(last.platform()).status(venueOrderId);
        String id = venueOrderId;
        return asked.thenCompose(result -> {
            OrderEvent first = events.get(0);
            OrderEvent reconciled = new OrderEvent(
                    first.clientOrderId() + ":reconciled",
                    first.tradeId(),
                    OrderEventKind.RECONCILED,
                    first.purpose(),
                    first.platform(),
                    first.clientOrderId(),
                    result.venueOrderId() != null ? result.venueOrderId() : id,
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
            return journal.append(reconciled).thenApply(done -> result);
        });
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
            found = gateway.findUnanswered(request.clientOrderId(), request.instrument(), request.venueOrderId());
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
