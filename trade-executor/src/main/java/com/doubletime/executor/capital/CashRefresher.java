package com.doubletime.executor.capital;

import com.doubletime.domain.Platform;
import com.doubletime.domain.capital.VenueCash;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.executor.lifecycle.Scheduler;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Live: reads both venues' cash ({@link VenueOrderGateway#cash}: Kalshi {@code GET /portfolio/balance} per shard,
 * Polymarket {@code GET /balance-allowance}) into the {@link CapitalDesk} — on a timer, after every trade that sent
 * an order, and after every order the venue refused for funds. One read per venue at a time: a refresh asked for
 * while one is running runs once more after it, so what a trade spent always reaches a read that started after it.
 * Without Vert.x: a {@link Scheduler} and the executor's thread.
 */
public final class CashRefresher {
    private static final System.Logger LOG = System.getLogger(CashRefresher.class.getName());

    private final Map<Platform, VenueOrderGateway> venues;
    private final CapitalDesk desk;
    private final Scheduler scheduler;
    private final Executor loop;
    private final long intervalMillis;
    private final Set<Platform> reading = EnumSet.noneOf(Platform.class);
    private final Set<Platform> again = EnumSet.noneOf(Platform.class);
    private final Set<Platform> deposited = EnumSet.noneOf(Platform.class);
    private Scheduler.Cancellable timer;
    private boolean stopped;

    public CashRefresher(
            Map<Platform, VenueOrderGateway> venues,
            CapitalDesk desk,
            Scheduler scheduler,
            Executor loop,
            long intervalMillis) {
        this.venues = Map.copyOf(venues);
        this.desk = desk;
        this.scheduler = scheduler;
        this.loop = loop;
        this.intervalMillis = intervalMillis;
    }

    /** Reads both venues now; completes when both answered or failed (a failure is logged, never thrown). */
    public CompletionStage<Void> readAll() {
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        for (Platform venue : venues.keySet()) {
            reads.add(read(venue));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new));
    }

    /** Reads on the timer from now on. */
    public void start() {
        schedule();
    }

    public void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel();
        }
    }

    /** After a trade's report: a trade that sent an order has changed the cash. */
    public void reported(TradeReport report) {
        if (report.status() != TradeStatus.REJECTED) {
            refresh(report.kalshi().order().platform());
            refresh(report.polymarket().order().platform());
        }
    }

    /** After each order step: a refusal for funds means the cash we hold is wrong. */
    public void orderEvent(OrderEvent event) {
        if (event.status() == OrderStatus.REJECTED && refusedForFunds(event.detail())) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    event.platform().wireName() + " refused order " + event.clientOrderId() + " for funds ("
                            + event.detail() + "); reading its cash again");
            refresh(event.platform());
        }
    }

    /**
     * Kalshi {@code insufficient_balance} (also for an unfunded shard, kalshi.md §1), Polymarket {@code not enough
     * balance / allowance} (polymarket.md §3.6).
     */
    static boolean refusedForFunds(String detail) {
        if (detail == null) {
            return false;
        }
        String text = detail.toLowerCase(Locale.ROOT);
        return text.contains("insufficient_balance")
                || text.contains("insufficient balance")
                || text.contains("not enough balance");
    }

    /**
     * Money arrived on the venue from outside its trading (a redemption paid on chain): the next read makes the venue
     * read the account again first ({@link VenueOrderGateway#cashAfterDeposit}).
     */
    public void deposited(Platform venue) {
        deposited.add(venue);
        refresh(venue);
    }

    /** Reads the venue now, or once more after the read running. */
    public void refresh(Platform venue) {
        if (!venues.containsKey(venue)) {
            return;
        }
        if (reading.contains(venue)) {
            again.add(venue);
        } else {
            read(venue);
        }
    }

    private CompletableFuture<Void> read(Platform venue) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        reading.add(venue);
        long sequence = desk.readStarted(venue);
        CompletionStage<VenueCash> answer;
        try {
            VenueOrderGateway gateway = venues.get(venue);
            answer = Objects.requireNonNull(
                    deposited.remove(venue) ? gateway.cashAfterDeposit() : gateway.cash(), "cash() answered null");
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((cash, failure) -> loop.execute(() -> {
            reading.remove(venue);
            if (failure != null || cash == null || cash.platform() != venue) {
                String why = failure != null
                        ? String.valueOf(failure.getMessage())
                        : cash == null ? "no answer" : "answered for " + cash.platform();
                desk.readFailed(venue, why);
                LOG.log(System.Logger.Level.WARNING, "reading " + venue.wireName() + " cash failed: " + why);
            } else {
                desk.cashRead(cash, sequence);
            }
            done.complete(null);
            if (again.remove(venue) && !stopped) {
                read(venue);
            }
        }));
        return done;
    }

    private void schedule() {
        if (stopped) {
            return;
        }
        timer = scheduler.schedule(intervalMillis, () -> {
            venues.keySet().forEach(this::refresh);
            schedule();
        });
    }
}
