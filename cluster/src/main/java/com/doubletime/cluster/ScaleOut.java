package com.doubletime.cluster;

import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * A clustered feed instance's scale-out settings: {@code {"instanceId":…, "renewEveryMillis":1000,
 * "leaseMillis":4000}}, every key optional. The default id is unique per process, so a restarted instance is
 * a new member and never mistakes an old lease for its own; it names the host and the process
 * ({@code kalshi-<host>-<pid>-<random>}), so an operator who reads in {@code /api/feeds/health} which instance
 * holds a market knows where it runs (in a container the host name is the container's id).
 */
public record ScaleOut(String instanceId, MarketLeaseVerticle.Timing timing) {
    public static ScaleOut fromJson(String feed, JsonObject json) {
        JsonObject in = json == null ? new JsonObject() : json;
        String id = in.getString("instanceId");
        if (id == null || id.isBlank()) {
            id = feed + "-" + hostName() + "-" + ProcessHandle.current().pid() + "-"
                    + UUID.randomUUID().toString().substring(0, 8);
        }
        MarketLeaseVerticle.Timing d = MarketLeaseVerticle.Timing.DEFAULT;
        return new ScaleOut(
                id,
                new MarketLeaseVerticle.Timing(
                        in.getLong("renewEveryMillis", d.renewEveryMillis()),
                        in.getLong("leaseMillis", d.leaseMillis())));
    }

    private static String hostName() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                name = "unknown-host";
            }
        }
        return name.trim();
    }

    /** The options that set these, for the feeds' {@code Main}s. */
    public static ServiceOptions.Option[] options() {
        return new ServiceOptions.Option[] {
            new ServiceOptions.Option(
                    "--instance-id",
                    "DT_INSTANCE_ID",
                    "scaleOut.instanceId",
                    ServiceOptions.Kind.STRING,
                    "this feed instance's id in the cluster (default: unique per process)"),
            new ServiceOptions.Option(
                    "--renew-millis",
                    "DT_LEASE_RENEW_MILLIS",
                    "scaleOut.renewEveryMillis",
                    ServiceOptions.Kind.LONG,
                    "how often market leases are renewed (1000)"),
            new ServiceOptions.Option(
                    "--lease-millis",
                    "DT_LEASE_MILLIS",
                    "scaleOut.leaseMillis",
                    ServiceOptions.Kind.LONG,
                    "how long a lease outlives its last renewal (4000): the failover time")
        };
    }
}
