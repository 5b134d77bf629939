package com.doubletime.executor.recovery;

import com.doubletime.domain.Direction;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.VenueFees;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.VenueOrder;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.trade.ControlChange;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.LegOrder;
import com.doubletime.domain.trade.LegPurpose;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.OrderEventKind;
import com.doubletime.domain.trade.PositionRedeemed;
import com.doubletime.domain.trade.PositionSettled;
import com.doubletime.domain.trade.ResolutionDivergence;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.executor.lifecycle.CurrentPairs;
import com.doubletime.executor.lifecycle.TradeJournal;
import com.doubletime.executor.live.LiveExecution;
import com.doubletime.executor.live.LiveLeg;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Start-up, live: the orders the venues hold that the journal never recorded. The order path writes a trade's
 * decision and requests before its orders leave but flushes them while they are in flight, so a power cut can lose
 * the journal's unflushed tail after orders reached a venue. Each venue is asked for the account's orders since the
 * journal's newest entry (less {@link #MARGIN_MILLIS} for the clocks' difference): Kalshi's listing with our client
 * order ids ({@code dt-<trade>-k-…}; orders placed by hand are not ours and stay the position check's business),
 * Polymarket's trades by our maker address summed per order hash. An order with fills whose id the journal does not
 * hold was lost with the tail; {@link StartupRecovery} gives a surviving decision its own entry orders, and the rest
 * are grouped back into trades and journaled here as what happened, so the journal's positions equal the venues':
 *
 * <ul>
 *   <li>Kalshi orders by the trade id in their client order id;</li>
 *   <li>a Polymarket order joins the Kalshi trade on the same pair, on the token that hedges it, created nearest in
 *       time and within {@link #SAME_TRADE_MILLIS} (its order hash cannot name the trade: nothing we chose comes back
 *       from the venue); otherwise it is a trade of its own;</li>
 *   <li>each trade is journaled as an accepted decision marked imported, a {@code RECONCILED} event per order, a
 *       {@code RECOVERED} alert and its report (the same records a reconciled interrupted trade gets), so the next
 *       start knows every order.</li>
 * </ul>
 *
 * An order on an instrument no configured pair names is reported in an alert and not counted (no pair to count it
 * on; the position check ignores such instruments too). Unfilled orders change no position and are only counted.
 */
public final class VenueOrderImport {
    /** Orders this long before the journal's newest entry are asked for too: venue and executor clocks differ. */
    public static final long MARGIN_MILLIS = 60_000;
    /** How far apart a Polymarket order and a Kalshi trade may be created to be one trade. */
    public static final long SAME_TRADE_MILLIS = 30_000;

    private static final System.Logger LOG = System.getLogger(VenueOrderImport.class.getName());

    /** One trade the journal lost, rebuilt from the venues' records. */
    public record Lost(
            String tradeId,
            MarketPair pair,
            Direction direction,
            List<VenueOrder> kalshi,
            List<VenueOrder> polymarket) {
        public Lost {
            kalshi = List.copyOf(kalshi);
            polymarket = List.copyOf(polymarket);
        }
    }

    /** What the venues hold that the journal lacks: filled orders, and how many unfilled ones were seen. */
    public record Found(List<VenueOrder> kalshi, List<VenueOrder> polymarket, int unfilled) {
        public static final Found NOTHING = new Found(List.of(), List.of(), 0);

        public boolean isEmpty() {
            return kalshi.isEmpty() && polymarket.isEmpty();
        }
    }

    private final Set<String> knownOrders = new HashSet<>();
    private final Set<String> decided = new HashSet<>();
    private long newestNanos = Long.MIN_VALUE;

    /** Feeds one journal entry, oldest first. */
    public void fold(JournalEntry entry) {
        newestNanos = Math.max(newestNanos, atNanos(entry));
        if (entry instanceof TradeDecision decision) {
            decided.add(decision.tradeId());
        } else if (entry instanceof OrderEvent event) {
            knownOrders.add(event.clientOrderId());
            if (event.venueOrderId() != null) {
                knownOrders.add(event.venueOrderId());
            }
        }
    }

    /** Where the venues are asked from (epoch millis), or -1 for an empty journal: nothing of it can be lost. */
    public long sinceMillis() {
        return newestNanos == Long.MIN_VALUE ? -1 : TimeUnit.NANOSECONDS.toMillis(newestNanos) - MARGIN_MILLIS;
    }

    /**
     * Asks both venues; completes exceptionally when either listing cannot be read in full (then nothing is known
     * and the caller stops trading).
     */
    public CompletionStage<Found> find(Map<Platform, VenueOrderGateway> venues) {
        long since = sinceMillis();
        if (since < 0) {
            return java.util.concurrent.CompletableFuture.completedFuture(Found.NOTHING);
        }
        CompletionStage<List<VenueOrder>> kalshi = venues.get(Platform.KALSHI).ordersSince(since);
        CompletionStage<List<VenueOrder>> polymarket =
                venues.get(Platform.POLYMARKET).ordersSince(since);
        return kalshi.thenCombine(polymarket, this::unknown);
    }

    /** The filled orders the journal does not know of (Kalshi: ours by client order id). */
    Found unknown(List<VenueOrder> kalshi, List<VenueOrder> polymarket) {
        int[] unfilled = new int[1];
        List<VenueOrder> k = kalshi.stream()
                .filter(order -> ourKalshiOrder(order) != null)
                .filter(this::unknown)
                .filter(order -> filled(order, unfilled))
                .sorted(Comparator.comparingLong(VenueOrder::createdAtMillis))
                .toList();
        List<VenueOrder> p = polymarket.stream()
                .filter(this::unknown)
                .filter(order -> filled(order, unfilled))
                .sorted(Comparator.comparingLong(VenueOrder::createdAtMillis))
                .toList();
        return new Found(k, p, unfilled[0]);
    }

    private boolean unknown(VenueOrder order) {
        return !knownOrders.contains(order.venueOrderId())
                && (order.clientOrderId() == null || !knownOrders.contains(order.clientOrderId()));
    }

    private static boolean filled(VenueOrder order, int[] unfilled) {
        if (order.filledQuantity() > 0) {
            return true;
        }
        unfilled[0]++;
        return false;
    }

    /** The Kalshi client order id of a decision's entry order on Kalshi (what a surviving decision looks up itself). */
    public static boolean isEntryOf(VenueOrder order, String tradeId) {
        return LiveExecution.clientOrderId(tradeId, Platform.KALSHI, LegPurpose.ENTRY, 0)
                .equals(order.clientOrderId());
    }

    /**
     * The lost trades these orders make, oldest first, and (in {@code unpaired}) orders on instruments no pair names.
     */
    public List<Lost> trades(Found found, CurrentPairs pairs, List<VenueOrder> unpaired) {
        Map<String, Builder> byTrade = new LinkedHashMap<>();
        for (VenueOrder order : found.kalshi()) {
            MarketPair pair = pairs.all().stream()
                    .filter(p -> order.instrument().equals(p.kalshiTicker()))
                    .findFirst()
                    .orElse(null);
            if (pair == null) {
                unpaired.add(order);
                continue;
            }
            String ours = ourKalshiOrder(order).tradeId();
            String tradeId = decided.contains(ours) ? ours + "-imported" : ours;
            byTrade.computeIfAbsent(tradeId, t -> new Builder(t, pair, kalshiDirection(order)))
                    .kalshi
                    .add(order);
        }
        List<Builder> kalshiTrades = List.copyOf(byTrade.values());
        for (VenueOrder order : found.polymarket()) {
            MarketPair pair = pairs.all().stream()
                    .filter(p -> order.instrument().equals(p.yesTokenId())
                            || order.instrument().equals(p.noTokenId()))
                    .findFirst()
                    .orElse(null);
            if (pair == null) {
                unpaired.add(order);
                continue;
            }
            Builder nearest = null;
            for (Builder trade : kalshiTrades) {
                long apart = Math.abs(trade.firstCreatedMillis() - order.createdAtMillis());
                if (trade.pair.id().equals(pair.id())
                        && order.instrument().equals(trade.polymarketToken())
                        && apart <= SAME_TRADE_MILLIS
                        && (nearest == null
                                || apart < Math.abs(nearest.firstCreatedMillis() - order.createdAtMillis()))) {
                    nearest = trade;
                }
            }
            if (nearest == null) {
                String tradeId = "import-"
                        + order.venueOrderId()
                                .substring(0, Math.min(18, order.venueOrderId().length()));
                nearest = byTrade.computeIfAbsent(tradeId, t -> new Builder(t, pair, polymarketDirection(pair, order)));
            }
            nearest.polymarket.add(order);
        }
        return byTrade.values().stream()
                .map(b -> new Lost(b.tradeId, b.pair, b.direction, b.kalshi, b.polymarket))
                .collect(Collectors.toList());
    }

    /** The trade a Kalshi order was part of: its first order bought the trade's Kalshi outcome (or sold its opposite). */
    private static Direction kalshiDirection(VenueOrder order) {
        Outcome held = order.action() == OrderAction.BUY
                ? order.outcome()
                : order.outcome().opposite();
        return held == Outcome.YES ? Direction.KALSHI_YES_POLYMARKET_NO : Direction.KALSHI_NO_POLYMARKET_YES;
    }

    /** The trade a Polymarket token hedges: the Kalshi outcome opposite to the one the token pays with. */
    private static Direction polymarketDirection(MarketPair pair, VenueOrder order) {
        Outcome token = order.instrument().equals(pair.yesTokenId()) ? Outcome.YES : Outcome.NO;
        Outcome paysWithKalshi = pair.polymarketOutcomePayingWith(Outcome.YES) == token ? Outcome.YES : Outcome.NO;
        return paysWithKalshi == Outcome.YES ? Direction.KALSHI_NO_POLYMARKET_YES : Direction.KALSHI_YES_POLYMARKET_NO;
    }

    private static final class Builder {
        final String tradeId;
        final MarketPair pair;
        final Direction direction;
        final List<VenueOrder> kalshi = new ArrayList<>();
        final List<VenueOrder> polymarket = new ArrayList<>();

        Builder(String tradeId, MarketPair pair, Direction direction) {
            this.tradeId = tradeId;
            this.pair = pair;
            this.direction = direction;
        }

        long firstCreatedMillis() {
            return kalshi.isEmpty()
                    ? polymarket.get(0).createdAtMillis()
                    : kalshi.get(0).createdAtMillis();
        }

        String polymarketToken() {
            return pair.polymarketTokenPayingWith(direction.hedgedKalshiOutcome());
        }
    }

    /**
     * Journals one lost trade as what the venues say happened: an accepted decision marked imported, a RECONCILED
     * event per order, a RECOVERED alert and the report; completes with the report (journaled).
     */
    public static CompletionStage<TradeReport> close(Lost lost, TradeJournal journal, LongSupplier clock) {
        MarketPair pair = lost.pair();
        Outcome kalshiOutcome = lost.direction().kalshiOutcome();
        Outcome hedged = lost.direction().hedgedKalshiOutcome();
        LegOrder kalshiLeg = new LegOrder(
                Platform.KALSHI, kalshiOutcome, pair.kalshiTicker(), firstPrice(lost.kalshi(), kalshiOutcome));
        LegOrder polymarketLeg = new LegOrder(
                Platform.POLYMARKET,
                pair.polymarketOutcomePayingWith(hedged),
                pair.polymarketTokenPayingWith(hedged),
                firstPrice(lost.polymarket(), null));
        long quantity = Math.max(bought(lost.kalshi(), kalshiOutcome), bought(lost.polymarket(), null));
        LiveLeg kalshi = new LiveLeg(kalshiLeg, quantity, VenueFees.of(pair, Platform.KALSHI));
        LiveLeg polymarket = new LiveLeg(polymarketLeg, quantity, VenueFees.of(pair, Platform.POLYMARKET));
        List<JournalEntry> events = new ArrayList<>();
        List<String> named = new ArrayList<>();
        long firstMillis = Long.MAX_VALUE;
        for (VenueOrder order : lost.kalshi()) {
            firstMillis = Math.min(firstMillis, order.createdAtMillis());
            OrderEvent event = fold(lost.tradeId(), order, kalshiLeg, kalshi, clock);
            events.add(event);
            named.add(describe(order, event));
        }
        for (VenueOrder order : lost.polymarket()) {
            firstMillis = Math.min(firstMillis, order.createdAtMillis());
            OrderEvent event = fold(lost.tradeId(), order, polymarketLeg, polymarket, clock);
            events.add(event);
            named.add(describe(order, event));
        }
        long createdNanos = TimeUnit.MILLISECONDS.toNanos(firstMillis);
        String reason = "not in the journal: imported at restart from the venues' order records (the journal lost its"
                + " unflushed tail after these orders left)";
        TradeDecision decision = new TradeDecision(
                lost.tradeId(),
                "imported:" + lost.tradeId(),
                pair.id(),
                lost.direction(),
                true,
                quantity,
                quantity,
                kalshiLeg,
                polymarketLeg,
                reason,
                createdNanos,
                createdNanos);
        TradeReport report = LiveExecution.report(decision, kalshi, polymarket, clock.getAsLong());
        String message = "trade " + lost.tradeId() + " on pair " + pair.id()
                + " was not in the journal; the venues hold"
                + " its orders, imported at restart: " + String.join("; ", named) + " (kalshi holds " + kalshi.held()
                + ", polymarket " + polymarket.held()
                + (lost.kalshi().isEmpty() || lost.polymarket().isEmpty()
                        ? "; one venue only: nothing at the other venue was found for it"
                        : "; the Polymarket order joined this trade by pair, token and time: its hash cannot name a trade")
                + ")";
        LOG.log(System.Logger.Level.WARNING, message);
        List<JournalEntry> entries = new ArrayList<>();
        entries.add(decision);
        entries.addAll(events);
        entries.add(new ExecutionAlert(
                lost.tradeId() + ":imported",
                lost.tradeId(),
                ExecutionAlert.AlertKind.RECOVERED,
                message,
                clock.getAsLong()));
        entries.add(report);
        return journal.appendAll(entries).thenApply(done -> report);
    }

    /**
     * Folds an order found at the venue into its trade's leg and gives its RECONCILED event. Kalshi nets YES against
     * NO, so an order on the leg's other outcome sells the leg (at the complement of its price).
     */
    static OrderEvent fold(String tradeId, VenueOrder order, LegOrder leg, LiveLeg into, LongSupplier clock) {
        InLeg terms = InLeg.of(order, leg.outcome());
        OrderResult result = result(order, terms.price());
        into.apply(terms.action(), result);
        return reconciled(tradeId, order, leg, terms.action(), result, clock);
    }

    /**
     * An order in its leg's terms. Kalshi nets YES against NO, so an order on the leg's other outcome sells the leg, at
     * the complement of its price; an order naming no outcome (Polymarket's, by token) is in its leg's terms already.
     */
    private record InLeg(OrderAction action, long price) {
        static InLeg of(VenueOrder order, Outcome legOutcome) {
            if (order.outcome() == null || legOutcome == null || order.outcome() == legOutcome) {
                return new InLeg(order.action(), order.averagePrice());
            }
            return new InLeg(
                    order.action() == OrderAction.BUY ? OrderAction.SELL : OrderAction.BUY,
                    order.averagePrice() < 0 ? order.averagePrice() : FixedPoint.ONE - order.averagePrice());
        }
    }

    /** Whole contracts the leg's orders bought, in the leg's terms ({@code legOutcome} null: as listed). */
    private static long bought(List<VenueOrder> orders, Outcome legOutcome) {
        long bought = 0;
        for (VenueOrder order : orders) {
            if (InLeg.of(order, legOutcome).action() == OrderAction.BUY) {
                bought += FixedPoint.wholeUnitsDown(order.filledQuantity());
            }
        }
        return bought;
    }

    /** The first order's price in the leg's terms, the leg's limit on record; 0 when it has none. */
    private static long firstPrice(List<VenueOrder> orders, Outcome legOutcome) {
        return orders.isEmpty()
                ? 0
                : Math.max(0, InLeg.of(orders.get(0), legOutcome).price());
    }

    private static OrderResult result(VenueOrder order, long price) {
        return new OrderResult(
                order.clientOrderId() != null ? order.clientOrderId() : order.venueOrderId(),
                order.venueOrderId(),
                OrderStatus.FILLED,
                order.filledQuantity(),
                0,
                price,
                order.fees(),
                null,
                "found at the venue at restart; not in the journal");
    }

    private static OrderEvent reconciled(
            String tradeId,
            VenueOrder order,
            LegOrder leg,
            OrderAction action,
            OrderResult result,
            LongSupplier clock) {
        String clientOrderId = order.clientOrderId() != null ? order.clientOrderId() : order.venueOrderId();
        return new OrderEvent(
                clientOrderId + ":reconciled",
                tradeId,
                OrderEventKind.RECONCILED,
                purpose(order),
                order.platform(),
                clientOrderId,
                order.venueOrderId(),
                action,
                leg.outcome(),
                order.instrument(),
                result.averagePrice() < 0 ? 0 : result.averagePrice(),
                order.filledQuantity(),
                OrderStatus.FILLED,
                order.filledQuantity(),
                result.averagePrice(),
                order.fees(),
                "imported at restart: the venue holds this order and the journal did not",
                clock.getAsLong());
    }

    /** One of our Kalshi orders, by the id {@link LiveExecution#clientOrderId} gave it; null for any other. */
    static LiveExecution.OurOrderId ourKalshiOrder(VenueOrder order) {
        LiveExecution.OurOrderId ours = LiveExecution.parseClientOrderId(order.clientOrderId());
        return ours != null && ours.platform() == Platform.KALSHI ? ours : null;
    }

    private static LegPurpose purpose(VenueOrder order) {
        LiveExecution.OurOrderId ours = LiveExecution.parseClientOrderId(order.clientOrderId());
        return ours == null ? LegPurpose.ENTRY : ours.purpose();
    }

    static String describe(VenueOrder order, OrderEvent event) {
        return order.platform().wireName() + " " + (order.clientOrderId() != null ? order.clientOrderId() + " " : "")
                + order.venueOrderId() + " " + event.action().name().toLowerCase(java.util.Locale.ROOT) + " "
                + FixedPoint.format(order.filledQuantity(), 2) + " " + event.outcome() + " on " + order.instrument()
                + (event.averagePrice() >= 0 ? " at " + FixedPoint.format(event.averagePrice(), 4) : "");
    }

    /** An entry's time (epoch nanos): the newest one bounds what the journal may have lost. */
    private static long atNanos(JournalEntry entry) {
        if (entry instanceof TradeDecision decision) {
            return decision.decidedAtNanos();
        } else if (entry instanceof TradeReport report) {
            return report.executedAtNanos();
        } else if (entry instanceof ControlChange change) {
            return change.atNanos();
        } else if (entry instanceof OrderEvent event) {
            return event.atNanos();
        } else if (entry instanceof ExecutionAlert alert) {
            return alert.atNanos();
        } else if (entry instanceof PositionSettled settled) {
            return settled.atNanos();
        } else if (entry instanceof ResolutionDivergence divergence) {
            return divergence.atNanos();
        } else if (entry instanceof PositionRedeemed redeemed) {
            return redeemed.atNanos();
        }
        return Long.MIN_VALUE;
    }
}
