package com.doubletime.executor.live;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.VenueFees;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderRequest;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.TimeInForce;
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
import com.doubletime.executor.lifecycle.Scheduler;
import com.doubletime.executor.lifecycle.TradeJournal;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Executes accepted trades against the venues, without Vert.x (tests drive it with fake gateways):
 *
 * <ol>
 *   <li>journal both legs' requests, then send both at once at the opportunity's limit prices (Kalshi
 *       IOC/FOK, Polymarket FAK/FOK), with client order ids derived from the trade id;</li>
 *   <li>each leg waits at most {@code legTimeoutMillis} for its answer; a Polymarket {@code delayed} (or a
 *       resting, or an unanswered but known) order is polled up to {@code delayedWaitMillis}, then
 *       cancelled; every answer is journaled before it counts;</li>
 *   <li>if the legs hold different quantities, the trade is UNHEDGED: an alert is journaled, and the
 *       {@link LegRiskPolicy} plans re-hedge / unwind orders, sent and journaled the same way;
 *       a second alert says whether the exposure is closed;</li>
 *   <li>the {@link TradeReport} carries each leg's net contracts, net money and fees, so its
 *       {@code realisedEdge} is the trade's P&amp;L with fees (unwind losses included).</li>
 * </ol>
 *
 * <p>A leg whose outcome cannot be learnt (no answer, no venue id) is never re-sent and never "fixed" by
 * the policy: the trade is reported with the leg UNKNOWN and an alert, for reconciliation against the venue.
 *
 * <p>Thread-safety: each leg's state is touched only by its own chain of orders; the two chains join before
 * the policy runs. Journal writes are issued in the order a chain produces them.
 */
public final class LiveExecution {
    private static final System.Logger LOG = System.getLogger(LiveExecution.class.getName());
    private static final long NANOS_PER_MILLI = 1_000_000;

    /**
     * @param legTimeoutMillis how long one order may take to answer before it counts as UNKNOWN
     * @param delayedWaitMillis how long a DELAYED / RESTING / unanswered order is polled before it is cancelled
     */
    public record Settings(
            TimeInForce kalshiTimeInForce,
            TimeInForce polymarketTimeInForce,
            long legTimeoutMillis,
            long delayedWaitMillis,
            long pollIntervalMillis,
            LegRiskPolicy policy) {
        public static final long DEFAULT_LEG_TIMEOUT_MILLIS = 10_000;
        public static final long DEFAULT_DELAYED_WAIT_MILLIS = 5_000;
        public static final long DEFAULT_POLL_INTERVAL_MILLIS = 250;

        public static final Settings DEFAULT = new Settings(
                TimeInForce.IMMEDIATE_OR_CANCEL,
                TimeInForce.IMMEDIATE_OR_CANCEL,
                DEFAULT_LEG_TIMEOUT_MILLIS,
                DEFAULT_DELAYED_WAIT_MILLIS,
                DEFAULT_POLL_INTERVAL_MILLIS,
                LegRiskPolicy.rehedgeThenUnwind(
                        LegRiskPolicy.DEFAULT_MAX_SLIPPAGE, LegRiskPolicy.DEFAULT_MAX_LOSS_PER_CONTRACT));

        public Settings {
            if (legTimeoutMillis <= 0 || delayedWaitMillis < 0 || pollIntervalMillis <= 0 || policy == null) {
                throw new IllegalArgumentException(
                        "executor.live: legTimeoutMillis and pollIntervalMillis must be positive, "
                                + "delayedWaitMillis not negative, and a leg-risk policy is required");
            }
        }

        /**
         * Reads {@code {"kalshiTimeInForce":"IOC","polymarketTimeInForce":"FAK","legTimeoutMillis":10000,
         * "delayedWaitMillis":5000,"pollIntervalMillis":250,"legRisk":{..}}}; every key optional
         * (Kalshi IOC or FOK; Polymarket FAK or FOK).
         */
        public static Settings fromJson(JsonObject json) {
            JsonObject in = json == null ? new JsonObject() : json;
            try {
                return new Settings(
                        tif(in.getString("kalshiTimeInForce", "IOC"), "IOC", "kalshiTimeInForce"),
                        tif(in.getString("polymarketTimeInForce", "FAK"), "FAK", "polymarketTimeInForce"),
                        in.getLong("legTimeoutMillis", DEFAULT.legTimeoutMillis()),
                        in.getLong("delayedWaitMillis", DEFAULT.delayedWaitMillis()),
                        in.getLong("pollIntervalMillis", DEFAULT.pollIntervalMillis()),
                        LegRiskPolicy.fromJson(in.getJsonObject("legRisk")));
            } catch (ClassCastException e) {
                throw new IllegalArgumentException("executor.live: a field has the wrong type: " + e.getMessage(), e);
            }
        }

        private static TimeInForce tif(String value, String partial, String field) {
            if (value.equalsIgnoreCase(partial)) {
                return TimeInForce.IMMEDIATE_OR_CANCEL;
            }
            if (value.equalsIgnoreCase("FOK")) {
                return TimeInForce.FILL_OR_KILL;
            }
            throw new IllegalArgumentException(
                    "executor.live." + field + " must be " + partial + " or FOK, got " + value);
        }

        public TimeInForce timeInForce(Platform platform) {
            return platform == Platform.KALSHI ? kalshiTimeInForce : polymarketTimeInForce;
        }
    }

    private final Map<Platform, VenueOrderGateway> gateways;
    private final TradeJournal journal;
    private final Scheduler scheduler;
    private final LongSupplier clock;
    private final Settings settings;
    private Function<TradeDecision, String> sendCheck = decision -> null;

    public LiveExecution(
            Map<Platform, VenueOrderGateway> gateways,
            TradeJournal journal,
            Scheduler scheduler,
            LongSupplier clock,
            Settings settings) {
        this.gateways = Map.copyOf(gateways);
        this.journal = journal;
        this.scheduler = scheduler;
        this.clock = clock;
        this.settings = settings;
    }

    /** The client order id of one order of a trade: stable, so a resend is recognised by the venue. */
    public static String clientOrderId(String tradeId, Platform platform, LegPurpose purpose, int attempt) {
        return "dt-" + tradeId + "-" + (platform == Platform.KALSHI ? "k" : "p") + "-"
                + purpose.name().charAt(0) + attempt;
    }

    /** What {@link #clientOrderId} put in an id. */
    public record OurOrderId(String tradeId, Platform platform, LegPurpose purpose, int attempt) {}

    private static final Pattern OUR_ORDER_ID = Pattern.compile("dt-(.+)-([kp])-([A-Z])(\\d+)");

    /** The parts of an id {@link #clientOrderId} made, or null for any other (an order placed by hand). */
    public static OurOrderId parseClientOrderId(String id) {
        Matcher parts = id == null ? null : OUR_ORDER_ID.matcher(id);
        if (parts == null || !parts.matches()) {
            return null;
        }
        for (LegPurpose purpose : LegPurpose.values()) {
            if (purpose.name().charAt(0) == parts.group(3).charAt(0)) {
                return new OurOrderId(
                        parts.group(1),
                        parts.group(2).equals("k") ? Platform.KALSHI : Platform.POLYMARKET,
                        purpose,
                        Integer.parseInt(parts.group(4)));
            }
        }
        return null;
    }

    /** Places both legs of an accepted decision and handles leg risk; completes with the trade's report. */
    public CompletionStage<TradeReport> execute(TradeDecision decision, MarketPair pair) {
        LiveLeg kalshi = new LiveLeg(decision.kalshi(), decision.quantity(), VenueFees.of(pair, Platform.KALSHI));
        LiveLeg polymarket =
                new LiveLeg(decision.polymarket(), decision.quantity(), VenueFees.of(pair, Platform.POLYMARKET));
        OrderRequest k = request(
                decision.tradeId(),
                decision.kalshi(),
                OrderAction.BUY,
                decision.kalshi().limitPrice(),
                decision.quantity(),
                LegPurpose.ENTRY,
                0);
        OrderRequest p = request(
                decision.tradeId(),
                decision.polymarket(),
                OrderAction.BUY,
                decision.polymarket().limitPrice(),
                decision.quantity(),
                LegPurpose.ENTRY,
                0);
        // both requests are written before either order leaves, so the process dying after sending never loses them;
        // their flush runs while the orders go (the durability contract: trade-executor README)
        return journal.appendWritten(List.of(
                        requested(decision.tradeId(), LegPurpose.ENTRY, k),
                        requested(decision.tradeId(), LegPurpose.ENTRY, p)))
                .thenCompose(done -> {
                    // the requests' write may have waited (a journal outage holds it): look once more
                    String stop = sendCheck.apply(decision);
                    if (stop != null) {
                        return notSent(decision, List.of(k, p), stop);
                    }
                    CompletableFuture<Void> kDone = send(decision.tradeId(), LegPurpose.ENTRY, k, kalshi, false)
                            .toCompletableFuture();
                    CompletableFuture<Void> pDone = send(decision.tradeId(), LegPurpose.ENTRY, p, polymarket, false)
                            .toCompletableFuture();
                    return CompletableFuture.allOf(kDone, pDone)
                            .thenCompose(sent -> balance(decision, kalshi, polymarket))
                            .thenApply(balanced -> report(decision, kalshi, polymarket));
                });
    }

    /**
     * What is checked once both requests are journaled, right before the orders leave: why they may not go now
     * (null: they go). The executor checks the decision's age and its halts; a fail-over's fencing epoch fits here.
     */
    public LiveExecution withSendCheck(Function<TradeDecision, String> check) {
        this.sendCheck = check;
        return this;
    }

    /** Orders requested but not sent: each closed in the journal as NOT_SENT, the trade reported REJECTED. */
    private CompletionStage<TradeReport> notSent(TradeDecision decision, List<OrderRequest> requests, String reason) {
        List<JournalEntry> closed = new ArrayList<>();
        for (OrderRequest request : requests) {
            closed.add(event(
                    decision.tradeId(),
                    OrderEventKind.NOT_SENT,
                    LegPurpose.ENTRY,
                    request,
                    new OrderResult(
                            request.clientOrderId(),
                            null,
                            OrderStatus.UNFILLED,
                            0,
                            0,
                            -1,
                            BigDecimal.ZERO,
                            "not_sent",
                            reason),
                    1));
        }
        LOG.log(System.Logger.Level.WARNING, "trade " + decision.tradeId() + ": orders not sent: " + reason);
        return journal.appendAll(closed)
                .thenApply(done -> new TradeReport(
                        decision.tradeId(),
                        decision.opportunityId(),
                        decision.pairId(),
                        decision.direction(),
                        ExecutionMode.LIVE,
                        TradeStatus.REJECTED,
                        LegFill.notSent(decision.kalshi()),
                        LegFill.notSent(decision.polymarket()),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        reason,
                        decision.detectedAtNanos(),
                        decision.decidedAtNanos(),
                        clock.getAsLong()));
    }

    /**
     * Leg risk for entry orders that were filled elsewhere: a backtest fills both entry legs immediate-or-cancel
     * against the replayed books as they stand when its orders arrive ({@code PaperVenue.fill}) and hands the fills
     * here. When they hold different quantities, the leg-risk policy runs exactly as after sent legs (alerts,
     * re-hedge and unwind orders through the gateways, each journaled); completes with the trade's report.
     */
    public CompletionStage<TradeReport> afterEntries(
            TradeDecision decision, MarketPair pair, LegFill kalshiEntry, LegFill polymarketEntry) {
        LiveLeg kalshi = new LiveLeg(decision.kalshi(), decision.quantity(), VenueFees.of(pair, Platform.KALSHI));
        LiveLeg polymarket =
                new LiveLeg(decision.polymarket(), decision.quantity(), VenueFees.of(pair, Platform.POLYMARKET));
        kalshi.applyEntry(kalshiEntry);
        polymarket.applyEntry(polymarketEntry);
        return balance(decision, kalshi, polymarket).thenApply(done -> report(decision, kalshi, polymarket));
    }

    /** Sends one order (its REQUESTED already journaled unless {@code journalRequest}) and folds its final result in. */
    private CompletionStage<Void> send(
            String tradeId, LegPurpose purpose, OrderRequest request, LiveLeg leg, boolean journalRequest) {
        AtomicInteger step = new AtomicInteger(1);
        CompletionStage<Void> requested = journalRequest
                ? journal.append(requested(tradeId, purpose, request))
                : CompletableFuture.completedFuture(null);
        return requested
                .thenCompose(
                        done -> withTimeout(gateways.get(request.platform()).place(request), request))
                .thenCompose(result -> record(tradeId, purpose, request, result, step))
                .thenCompose(result -> settle(
                        tradeId,
                        purpose,
                        request,
                        result,
                        step,
                        clock.getAsLong() + settings.delayedWaitMillis() * NANOS_PER_MILLI))
                .thenAccept(result -> {
                    if (result.status() == OrderStatus.UNKNOWN) {
                        leg.unknown = request.clientOrderId() + " (" + result.rejectReason() + ")";
                    }
                    leg.apply(request.action(), result);
                });
    }

    /** Polls an order that is not final yet until it is or the wait is over, then cancels it. */
    private CompletionStage<OrderResult> settle(
            String tradeId,
            LegPurpose purpose,
            OrderRequest request,
            OrderResult result,
            AtomicInteger step,
            long deadlineNanos) {
        boolean open = result.status() == OrderStatus.DELAYED
                || result.status() == OrderStatus.RESTING
                || result.status() == OrderStatus.UNKNOWN;
        if (!open || result.venueOrderId() == null) {
            return CompletableFuture.completedFuture(result);
        }
        VenueOrderGateway gateway = gateways.get(request.platform());
        if (clock.getAsLong() >= deadlineNanos) {
            return withTimeout(gateway.cancel(result.venueOrderId()), request)
                    .thenApply(cancelled -> keepKnown(cancelled, result))
                    .thenCompose(cancelled -> journal.append(event(
                                    tradeId,
                                    OrderEventKind.CANCELLED,
                                    purpose,
                                    request,
                                    cancelled,
                                    step.getAndIncrement()))
                            .thenApply(done -> cancelled))
                    .thenCompose(cancelled -> readAfterCancel(tradeId, purpose, request, cancelled, step));
        }
        CompletableFuture<Void> later = new CompletableFuture<>();
        scheduler.schedule(settings.pollIntervalMillis(), () -> later.complete(null));
        return later.thenCompose(done -> withTimeout(gateway.status(result.venueOrderId()), request))
                .thenApply(polled -> keepKnown(polled, result))
                .thenCompose(polled -> record(tradeId, purpose, request, polled, step))
                .thenCompose(polled -> settle(tradeId, purpose, request, polled, step, deadlineNanos));
    }

    /**
     * A cancel's answer is not the venue's last word on fills: Polymarket refuses to cancel an order it matched in
     * the meantime ({@code not_canceled}, nothing filled in the answer). So the order is read once more and its own
     * state counts; when that read fails, a refused cancel leaves the leg UNKNOWN (reported, never guessed as
     * empty), an accepted one stands.
     */
    private CompletionStage<OrderResult> readAfterCancel(
            String tradeId, LegPurpose purpose, OrderRequest request, OrderResult cancelled, AtomicInteger step) {
        if (cancelled.venueOrderId() == null) {
            return CompletableFuture.completedFuture(cancelled);
        }
        VenueOrderGateway gateway = gateways.get(request.platform());
        return withTimeout(gateway.status(cancelled.venueOrderId()), request)
                .thenApply(read -> keepKnown(read, cancelled))
                .thenCompose(read -> {
                    if (read.status() != OrderStatus.UNKNOWN) {
                        return record(tradeId, purpose, request, read, step);
                    }
                    if (cancelled.status() == OrderStatus.REJECTED) {
                        return record(tradeId, purpose, request, unknownAfterRefusedCancel(cancelled, read), step);
                    }
                    return CompletableFuture.completedFuture(cancelled);
                });
    }

    private static OrderResult unknownAfterRefusedCancel(OrderResult cancelled, OrderResult read) {
        return new OrderResult(
                cancelled.clientOrderId(),
                cancelled.venueOrderId(),
                OrderStatus.UNKNOWN,
                0,
                0,
                -1,
                BigDecimal.ZERO,
                read.rejectCode(),
                "the venue refused the cancel (" + cancelled.rejectReason() + ") and the order could not be read ("
                        + read.rejectReason() + "): its fills are unknown");
    }

    /** A status answer that lost the order's ids (an error) keeps the ones already known. */
    private static OrderResult keepKnown(OrderResult answer, OrderResult known) {
        return new OrderResult(
                known.clientOrderId(),
                answer.venueOrderId() != null ? answer.venueOrderId() : known.venueOrderId(),
                answer.status(),
                answer.filledQuantity(),
                answer.remainingQuantity(),
                answer.averagePrice(),
                answer.fees(),
                answer.rejectCode(),
                answer.rejectReason());
    }

    private CompletionStage<OrderResult> record(
            String tradeId, LegPurpose purpose, OrderRequest request, OrderResult result, AtomicInteger step) {
        OrderEventKind kind =
                result.status() == OrderStatus.UNKNOWN ? OrderEventKind.ERROR : OrderEventKind.ACKNOWLEDGED;
        return journal.append(event(tradeId, kind, purpose, request, result, step.getAndIncrement()))
                .thenApply(done -> result);
    }

    /** The venue's answer, or UNKNOWN once the leg timeout passed (the order may still exist: never resent). */
    private CompletionStage<OrderResult> withTimeout(CompletionStage<OrderResult> answer, OrderRequest request) {
        CompletableFuture<OrderResult> bounded = new CompletableFuture<>();
        AtomicBoolean timedOut = new AtomicBoolean();
        scheduler.schedule(settings.legTimeoutMillis(), () -> {
            if (bounded.complete(new OrderResult(
                    request.clientOrderId(),
                    null,
                    OrderStatus.UNKNOWN,
                    0,
                    0,
                    -1,
                    BigDecimal.ZERO,
                    "leg_timeout",
                    "no answer within " + settings.legTimeoutMillis() + " ms"))) {
                timedOut.set(true);
            }
        });
        answer.whenComplete((result, failure) -> {
            OrderResult value = failure != null
                    ? new OrderResult(
                            request.clientOrderId(),
                            null,
                            OrderStatus.UNKNOWN,
                            0,
                            0,
                            -1,
                            BigDecimal.ZERO,
                            "error",
                            String.valueOf(failure.getMessage()))
                    : result;
            if (!bounded.complete(value) && timedOut.get()) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "late answer for " + request.clientOrderId() + " after the leg timeout: " + value.status()
                                + " filled " + value.filledQuantity() + "; reconciliation will pick it up");
            }
        });
        return bounded;
    }

    /** Runs the leg-risk policy until the legs hold the same or it has nothing more to try. */
    private CompletionStage<Void> balance(TradeDecision decision, LiveLeg kalshi, LiveLeg polymarket) {
        if (kalshi.held() == polymarket.held()) {
            return CompletableFuture.completedFuture(null);
        }
        LiveLeg longLeg = kalshi.held() > polymarket.held() ? kalshi : polymarket;
        LiveLeg shortLeg = longLeg == kalshi ? polymarket : kalshi;
        long excess = longLeg.held() - shortLeg.held();
        String where =
                excess + " contracts UNHEDGED on " + longLeg.order.platform().wireName() + " (kalshi holds "
                        + kalshi.held() + ", polymarket " + polymarket.held() + ")";
        if (kalshi.unknown != null || polymarket.unknown != null) {
            String unknown = kalshi.unknown != null ? kalshi.unknown : polymarket.unknown;
            return alert(
                    decision.tradeId(),
                    "unhedged",
                    ExecutionAlert.AlertKind.UNHEDGED,
                    where + "; an order's outcome is UNKNOWN (" + unknown
                            + "), so no leg-risk order is sent; reconcile by hand");
        }
        return alert(
                        decision.tradeId(),
                        "unhedged",
                        ExecutionAlert.AlertKind.UNHEDGED,
                        where + "; policy " + settings.policy().name())
                .thenCompose(done -> correct(decision, kalshi, polymarket, 0))
                .thenCompose(done -> {
                    long left = Math.abs(kalshi.held() - polymarket.held());
                    String outcome = left == 0
                            ? "leg risk closed: kalshi holds " + kalshi.held() + ", polymarket " + polymarket.held()
                            : left + " contracts still UNHEDGED after "
                                    + settings.policy().name() + " (kalshi holds " + kalshi.held() + ", polymarket "
                                    + polymarket.held() + ")";
                    return alert(decision.tradeId(), "leg-risk", ExecutionAlert.AlertKind.LEG_RISK_HANDLED, outcome);
                });
    }

    private CompletionStage<Void> correct(TradeDecision decision, LiveLeg kalshi, LiveLeg polymarket, int attempt) {
        long gap = kalshi.held() - polymarket.held();
        if (gap == 0) {
            return CompletableFuture.completedFuture(null);
        }
        LiveLeg longLeg = gap > 0 ? kalshi : polymarket;
        LiveLeg shortLeg = gap > 0 ? polymarket : kalshi;
        LegRiskPolicy.Action action = settings.policy()
                .plan(
                        new LegRiskPolicy.Imbalance(
                                Math.abs(gap), shortLeg.order.limitPrice(), longLeg.averageBuyPrice()),
                        attempt);
        if (action == null) {
            return CompletableFuture.completedFuture(null);
        }
        LiveLeg target = action.onLongVenue() ? longLeg : shortLeg;
        LegPurpose purpose = action.action() == OrderAction.SELL ? LegPurpose.UNWIND : LegPurpose.REHEDGE;
        OrderRequest request = request(
                decision.tradeId(),
                target.order,
                action.action(),
                action.limitPrice(),
                action.quantity(),
                purpose,
                attempt);
        return send(decision.tradeId(), purpose, request, target, true)
                .thenCompose(done -> target.unknown != null
                        ? CompletableFuture.<Void>completedFuture(null)
                        : correct(decision, kalshi, polymarket, attempt + 1));
    }

    private CompletionStage<Void> alert(String tradeId, String name, ExecutionAlert.AlertKind kind, String message) {
        LOG.log(System.Logger.Level.WARNING, "trade " + tradeId + ": " + message);
        return journal.append(new ExecutionAlert(tradeId + ":" + name, tradeId, kind, message, clock.getAsLong()));
    }

    private TradeReport report(TradeDecision decision, LiveLeg kalshi, LiveLeg polymarket) {
        return report(decision, kalshi, polymarket, clock.getAsLong());
    }

    /** The trade's report from what each leg holds; also how a trade interrupted by a restart is closed. */
    public static TradeReport report(TradeDecision decision, LiveLeg kalshi, LiveLeg polymarket, long nowNanos) {
        LegFill k = kalshi.toFill();
        LegFill p = polymarket.toFill();
        BigDecimal totalCost = k.cost().add(k.fee()).add(p.cost()).add(p.fee());
        long hedged = Math.min(k.filledQuantity(), p.filledQuantity());
        boolean nothing =
                kalshi.bought == 0 && polymarket.bought == 0 && kalshi.unknown == null && polymarket.unknown == null;
        TradeStatus status = nothing
                ? TradeStatus.UNFILLED
                : k.filledQuantity() == decision.quantity()
                                && p.filledQuantity() == decision.quantity()
                                && kalshi.unknown == null
                                && polymarket.unknown == null
                        ? TradeStatus.FILLED
                        : TradeStatus.PARTIALLY_FILLED;
        return new TradeReport(
                decision.tradeId(),
                decision.opportunityId(),
                decision.pairId(),
                decision.direction(),
                ExecutionMode.LIVE,
                status,
                k,
                p,
                totalCost,
                BigDecimal.valueOf(hedged).subtract(totalCost),
                reason(status, kalshi, polymarket),
                decision.detectedAtNanos(),
                decision.decidedAtNanos(),
                nowNanos);
    }

    private static String reason(TradeStatus status, LiveLeg kalshi, LiveLeg polymarket) {
        if (status == TradeStatus.FILLED) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (LiveLeg leg : new LiveLeg[] {kalshi, polymarket}) {
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(leg.order.platform().wireName())
                    .append(" bought ")
                    .append(leg.bought)
                    .append(" of ")
                    .append(leg.requested);
            if (leg.sold > 0) {
                out.append(", sold ").append(leg.sold).append(" (unwind)");
            }
            if (leg.unknown != null) {
                out.append(", UNKNOWN order ").append(leg.unknown);
            }
        }
        long unhedged = Math.abs(kalshi.held() - polymarket.held());
        if (unhedged > 0) {
            out.append("; ")
                    .append(unhedged)
                    .append(" contracts UNHEDGED on ")
                    .append(kalshi.held() > polymarket.held() ? "kalshi" : "polymarket");
        }
        return out.toString();
    }

    private OrderRequest request(
            String tradeId,
            LegOrder leg,
            OrderAction action,
            long limitPrice,
            long quantity,
            LegPurpose purpose,
            int attempt) {
        return new OrderRequest(
                clientOrderId(tradeId, leg.platform(), purpose, attempt),
                leg.platform(),
                leg.instrument(),
                leg.outcome(),
                action,
                limitPrice,
                quantity * FixedPoint.ONE,
                settings.timeInForce(leg.platform()));
    }

    /**
     * The request as journaled before it is sent, with the order's venue id when the venue's id is known before
     * sending (Polymarket: the EIP-712 order hash): a crash that loses the answer still leaves the id to ask by.
     */
    private OrderEvent requested(String tradeId, LegPurpose purpose, OrderRequest request) {
        String venueOrderId;
        try {
            venueOrderId = gateways.get(request.platform()).orderIdBeforeSending(request);
        } catch (RuntimeException e) {
            venueOrderId = null; // place() refuses it with the reason
        }
        OrderEvent event = event(tradeId, OrderEventKind.REQUESTED, purpose, request, null, 0);
        return venueOrderId == null ? event : event.withVenueOrderId(venueOrderId);
    }

    private OrderEvent event(
            String tradeId,
            OrderEventKind kind,
            LegPurpose purpose,
            OrderRequest request,
            OrderResult result,
            int step) {
        String detail = result == null || result.rejectCode() == null && result.rejectReason() == null
                ? null
                : (result.rejectCode() == null ? "" : result.rejectCode() + ": ") + result.rejectReason();
        return new OrderEvent(
                request.clientOrderId() + ":" + kind.name().toLowerCase(Locale.ROOT) + ":" + step,
                tradeId,
                kind,
                purpose,
                request.platform(),
                request.clientOrderId(),
                result == null ? null : result.venueOrderId(),
                request.action(),
                request.outcome(),
                request.instrument(),
                request.limitPrice(),
                request.quantity(),
                result == null ? null : result.status(),
                result == null ? 0 : Math.max(0, result.filledQuantity()),
                result == null ? -1 : result.averagePrice(),
                result == null || result.fees() == null ? BigDecimal.ZERO : result.fees(),
                detail,
                clock.getAsLong());
    }
}
