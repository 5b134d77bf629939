package com.doubletime.cluster;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Connects {@link MarketLeaseVerticle} to a feed verticle: the feed is deployed with the first non-empty
 * share of markets (a feed's config wants at least one), then told about every later change through its
 * run-time method, on its live connection. Called only from the lease verticle's event loop, one change at
 * a time.
 *
 * @param <F> the feed verticle
 */
public final class AssignedMarkets<F extends Deployable> implements Function<Set<String>, Future<?>> {
    private final Vertx vertx;
    private final Function<List<String>, F> feedFor;
    private final BiFunction<F, List<String>, Future<Void>> change;
    private F feed;

    /**
     * @param feedFor a new feed verticle streaming these markets
     * @param change  the feed's run-time method: stream exactly these markets from now on
     */
    public AssignedMarkets(
            Vertx vertx, Function<List<String>, F> feedFor, BiFunction<F, List<String>, Future<Void>> change) {
        this.vertx = vertx;
        this.feedFor = feedFor;
        this.change = change;
    }

    @Override
    public Future<?> apply(Set<String> markets) {
        List<String> sorted = List.copyOf(new TreeSet<>(markets));
        if (feed != null) {
            return change.apply(feed, sorted);
        }
        if (sorted.isEmpty()) {
            return Future.succeededFuture();
        }
        F created = feedFor.apply(sorted);
        return vertx.deployVerticle(created).onSuccess(id -> feed = created);
    }
}
