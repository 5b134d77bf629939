package com.doubletime.executor.live;

import com.doubletime.domain.Platform;
import com.doubletime.domain.order.VenueBalance;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.executor.lifecycle.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * One authenticated read per venue (its balance) before the first opportunity is taken, so the first trade does
 * not pay for what a first request costs: the request signer's first use (provider look-up, key set-up, class
 * loading), the API credentials (Polymarket derives them on first use), the TCP connection. Issued from the
 * executor's thread, so a kept-alive connection lives on the event loop the orders are sent from. A failure or a
 * venue slower than {@link #WAIT_MILLIS} is only logged: the first order then pays for it.
 */
public final class VenueWarmUp {
    /** How long start waits for the venues' warm-up reads at most. */
    public static final long WAIT_MILLIS = 5_000;

    private static final System.Logger LOG = System.getLogger(VenueWarmUp.class.getName());

    private VenueWarmUp() {}

    /** Completes once every venue answered, failed, or took longer than {@link #WAIT_MILLIS}. */
    public static CompletionStage<Void> run(
            Map<Platform, VenueOrderGateway> venues, Scheduler scheduler, Executor loop) {
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        for (Map.Entry<Platform, VenueOrderGateway> venue : venues.entrySet()) {
            CompletableFuture<Void> read = new CompletableFuture<>();
            String name = venue.getKey().wireName();
            Scheduler.Cancellable timer = scheduler.schedule(WAIT_MILLIS, () -> {
                if (read.complete(null)) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "warm-up read of " + name + " took longer than " + WAIT_MILLIS
                                    + " ms; starting without it");
                }
            });
            CompletionStage<VenueBalance> balance;
            try {
                balance = Objects.requireNonNull(venue.getValue().balance(), "balance() answered null");
            } catch (RuntimeException e) {
                balance = CompletableFuture.failedFuture(e);
            }
            balance.whenComplete((answer, failure) -> loop.execute(() -> {
                timer.cancel();
                if (failure != null) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "warm-up read of " + name + " failed (" + failure.getMessage()
                                    + "); the first order pays for the connection");
                }
                read.complete(null);
            }));
            reads.add(read);
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new));
    }
}
