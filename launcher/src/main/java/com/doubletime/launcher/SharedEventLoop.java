package com.doubletime.launcher;

import com.doubletime.bus.LocalTradingPath;
import io.vertx.core.Context;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import java.util.List;

/**
 * Deploys several verticles as one, on one context and so one event loop: the co-located feeds, monitor and executor
 * of the embedded stack, which then hand frames and opportunities to each other with plain calls on a
 * {@link LocalTradingPath} bound to that loop (issue 17: no event-bus dispatch and no wake-up of another thread
 * between a frame and the decision on it). Each verticle is still the one a separate process deploys; they start in
 * the given order, each after the one before has started, and stop in the reverse order.
 */
final class SharedEventLoop implements Deployable {
    private final LocalTradingPath path;
    private final List<Deployable> verticles;
    private int started;

    SharedEventLoop(LocalTradingPath path, List<Deployable> verticles) {
        this.path = path;
        this.verticles = List.copyOf(verticles);
    }

    @Override
    public Future<?> deploy(Context context) {
        path.bind();
        return deployFrom(0, context)
                .recover(failure -> undeploy(context).transform(ignored -> Future.failedFuture(failure)));
    }

    private Future<?> deployFrom(int index, Context context) {
        if (index == verticles.size()) {
            return Future.succeededFuture();
        }
        Future<?> deployed;
        try {
            deployed = verticles.get(index).deploy(context);
        } catch (Exception e) {
            deployed = Future.failedFuture(e);
        }
        return deployed.compose(done -> {
            started = index + 1;
            return deployFrom(index + 1, context);
        });
    }

    /** Only those that started, the last first; a failure does not keep the others running. */
    @Override
    public Future<?> undeploy(Context context) {
        Future<?> stopped = Future.succeededFuture();
        for (int i = started - 1; i >= 0; i--) {
            Deployable verticle = verticles.get(i);
            stopped = stopped.eventually(() -> {
                try {
                    return verticle.undeploy(context);
                } catch (Exception e) {
                    return Future.failedFuture(e);
                }
            });
        }
        return stopped;
    }
}
