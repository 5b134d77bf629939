package com.doubletime.bus.cluster;

import com.doubletime.bus.BusCodecs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Starts the Vert.x instance a deployable runs on: plain, or a member of the Hazelcast cluster with its
 * event bus reachable at the configured address. Codecs are registered before anything is deployed
 * (every node must know every codec of the records crossing the wire).
 */
public final class ServiceNode {
    private ServiceNode() {
    }

    public static Future<Vertx> start(ClusterSettings settings) {
        if (!settings.enabled()) {
            Vertx vertx = Vertx.vertx();
            BusCodecs.registerAll(vertx.eventBus());
            return Future.succeededFuture(vertx);
        }
        VertxOptions options = new VertxOptions();
        options.getEventBusOptions()
                .setHost(settings.eventBusHost())
                .setPort(settings.eventBusPort())
                .setClusterPublicHost(settings.advertisedEventBusHost());
        return Vertx.builder()
                .with(options)
                .withClusterManager(new HazelcastClusterManager(HazelcastConfigs.of(settings)))
                .buildClustered()
                .andThen(started -> {
                    if (started.succeeded()) {
                        BusCodecs.registerAll(started.result().eventBus());
                    }
                });
    }
}
