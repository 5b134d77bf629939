package com.doubletime.feed;

import com.doubletime.domain.order.OrderRequest;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.VenueOrderGateway;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The order-path warm-ups' loop (issue 17): {@code orders} throwaway orders placed through {@code chains} gateways
 * (one chain of orders each, the next placed when the last is answered, so as many are in flight as there are chains),
 * on the event loop, against a loopback sink the caller runs. Order n is {@code order.apply(n)}.
 */
public final class ThrowawayOrders {
    private ThrowawayOrders() {}

    /** Completes once every order is answered, with how many were read as filled (all, unless something broke). */
    public static Future<Integer> place(
            Vertx vertx, List<? extends VenueOrderGateway> chains, int orders, IntFunction<OrderRequest> order) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger filled = new AtomicInteger();
        AtomicInteger running = new AtomicInteger(chains.size());
        Promise<Integer> done = Promise.promise();
        if (chains.isEmpty()) {
            done.complete(0);
        }
        for (VenueOrderGateway gateway : chains) {
            vertx.runOnContext(ignored -> placeNext(gateway, orders, order, next, filled, running, done));
        }
        return done.future();
    }

    private static void placeNext(
            VenueOrderGateway gateway,
            int orders,
            IntFunction<OrderRequest> order,
            AtomicInteger next,
            AtomicInteger filled,
            AtomicInteger running,
            Promise<Integer> done) {
        int n = next.getAndIncrement();
        if (n >= orders) {
            if (running.decrementAndGet() == 0) {
                done.tryComplete(filled.get());
            }
            return;
        }
        gateway.place(order.apply(n)).whenComplete((result, failure) -> {
            if (failure == null && result.status() == OrderStatus.FILLED) {
                filled.incrementAndGet();
            }
            placeNext(gateway, orders, order, next, filled, running, done);
        });
    }
}
