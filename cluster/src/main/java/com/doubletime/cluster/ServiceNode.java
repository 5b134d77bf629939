package com.doubletime.cluster;

import com.doubletime.bus.BusCodecs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Starts the Vert.x instance a deployable runs on: plain, or a member of the Hazelcast cluster with its
 * event bus reachable at the configured address. Codecs are registered before anything is deployed
 * (every node must know every codec of the records crossing the wire). Metrics are on (Micrometer,
 * Prometheus format): the services' own meters ({@code cluster.metrics.Meters}) land in this node's registry,
 * which the gateway serves on {@code /metrics} and any other node on its own port when given one.
 */
public final class ServiceNode {
    private ServiceNode() {}

    public static Future<Vertx> start(ClusterSettings settings) {
        return start(settings, 0);
    }

    /**
     * @param metricsPort a port for a Prometheus scrape endpoint ({@code /metrics}) of this node's own, on
     *                    the event-bus bind address; 0 for none
     */
    public static Future<Vertx> start(ClusterSettings settings, int metricsPort) {
        VertxPrometheusOptions prometheus = new VertxPrometheusOptions().setEnabled(true);
        if (metricsPort > 0) {
            prometheus
                    .setStartEmbeddedServer(true)
                    .setEmbeddedServerOptions(new HttpServerOptions()
                            .setHost(settings.eventBusHost())
                            .setPort(metricsPort))
                    .setEmbeddedServerEndpoint("/metrics");
        }
        VertxOptions options = new VertxOptions()
                .setMetricsOptions(new MicrometerMetricsOptions()
                        .setEnabled(true)
                        .setJvmMetricsEnabled(true)
                        .setPrometheusOptions(prometheus));
        if (!settings.enabled()) {
            Vertx vertx = Vertx.builder().with(options).build();
            BusCodecs.registerAll(vertx.eventBus());
            return Future.succeededFuture(vertx);
        }
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
