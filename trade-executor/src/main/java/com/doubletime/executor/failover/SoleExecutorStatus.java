package com.doubletime.executor.failover;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.bus.protocol.ExecutorStatus;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * The standing of a single executor deployed without fail-over (the embedded run, a cluster started with one
 * executor): always the active one, epoch 0, published every second like the fail-over executors' so the gateway
 * shows one picture either way. Deployed once its executor is.
 */
public final class SoleExecutorStatus extends VerticleBase {
    private final String instanceId;
    private long activeSinceMillis;
    private long timer = -1;

    public SoleExecutorStatus(String instanceId) {
        this.instanceId = instanceId;
    }

    @Override
    public Future<?> start() {
        BusCodecs.registerAll(vertx.eventBus());
        activeSinceMillis = System.currentTimeMillis();
        publish();
        timer = vertx.setPeriodic(ExecutorFailoverVerticle.STATUS_EVERY_MILLIS, id -> publish());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    private void publish() {
        vertx.eventBus()
                .publish(
                        Addresses.EXECUTOR_STATUS,
                        new ExecutorStatus(
                                instanceId,
                                ExecutorStatus.Role.ACTIVE,
                                0,
                                activeSinceMillis,
                                0,
                                0,
                                false,
                                "single executor (no fail-over)",
                                System.currentTimeMillis()));
    }
}
