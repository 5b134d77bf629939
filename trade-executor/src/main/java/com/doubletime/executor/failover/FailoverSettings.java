package com.doubletime.executor.failover;

import com.doubletime.cluster.ActiveLease;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * Active/standby executors (config {@code executor.failover}): {@code {"enabled":false,"instanceId":…,
 * "renewEveryMillis":500,"leaseMillis":3000,"marginMillis":1000,"lookupSettleMillis":3000}}, every key optional.
 *
 * @param enabled            run as one of several executors, active only while holding the lease; needs the
 *                           PostgreSQL journal, which every instance shares
 * @param instanceId         this instance's id in the cluster (default unique per process: {@code
 *                           executor-<host>-<pid>-<random>})
 * @param lease              the active lease's timing ({@link ActiveLease.Timing}): a killed active executor's
 *                           successor holds the lease after at most {@code leaseMillis + renewEveryMillis}
 * @param lookupSettleMillis on taking over, an order of the previous active that the venue does not know (yet) is
 *                           asked about again once this long has passed since the take-over, before it counts as
 *                           never sent: an order that left just before the previous lease lapsed may still be on
 *                           its way to the venue
 */
public record FailoverSettings(boolean enabled, String instanceId, ActiveLease.Timing lease, long lookupSettleMillis) {
    public static final long DEFAULT_LOOKUP_SETTLE_MILLIS = 3_000;
    public static final FailoverSettings OFF =
            new FailoverSettings(false, "executor", ActiveLease.Timing.DEFAULT, DEFAULT_LOOKUP_SETTLE_MILLIS);

    public FailoverSettings {
        if (instanceId == null || instanceId.isBlank() || instanceId.contains("@") || instanceId.contains("~")) {
            throw new IllegalArgumentException(
                    "executor.failover.instanceId must be non-blank without '@' or '~', got " + instanceId);
        }
        if (lease == null || lookupSettleMillis < 0) {
            throw new IllegalArgumentException("executor.failover: lease timing required, lookupSettleMillis >= 0");
        }
    }

    /** @throws IllegalArgumentException naming the field that is wrong */
    public static FailoverSettings fromJson(JsonObject json) {
        JsonObject in = json == null ? new JsonObject() : json;
        try {
            String id = in.getString("instanceId");
            ActiveLease.Timing d = ActiveLease.Timing.DEFAULT;
            return new FailoverSettings(
                    in.getBoolean("enabled", false),
                    id == null || id.isBlank() ? defaultInstanceId() : id.trim(),
                    new ActiveLease.Timing(
                            in.getLong("renewEveryMillis", d.renewEveryMillis()),
                            in.getLong("leaseMillis", d.leaseMillis()),
                            in.getLong("marginMillis", d.marginMillis())),
                    in.getLong("lookupSettleMillis", DEFAULT_LOOKUP_SETTLE_MILLIS));
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("executor.failover: a field has the wrong type: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("executor.")
                    ? e
                    : new IllegalArgumentException("executor.failover: " + e.getMessage(), e);
        }
    }

    /** Names the host and the process, so an operator reading which instance is active knows where it runs. */
    static String defaultInstanceId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "unknown-host";
            }
        }
        return "executor-" + host.trim() + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
