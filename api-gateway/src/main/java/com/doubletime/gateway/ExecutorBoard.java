package com.doubletime.gateway;

import com.doubletime.bus.protocol.ExecutorStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which trade executor instance is active, and since when, from the {@link ExecutorStatus} each instance publishes
 * about once a second: what {@code /health}, {@code GET /api/control} and the dashboard show. An instance not heard
 * from for {@link #SILENT_AFTER_MILLIS} is listed as silent and never counts as the active one (it died, or it is
 * frozen and will find on waking that it lost its lease). Two instances both saying ACTIVE can only overlap for the
 * moment the older one needs to learn it was replaced: the one with the higher fencing epoch is the active one.
 * Called on the gateway's event loop only.
 */
final class ExecutorBoard {
    /** Three missed reports. */
    static final long SILENT_AFTER_MILLIS = 3_000;

    private final Map<String, ExecutorStatus> latest = new LinkedHashMap<>();
    private final Map<String, Long> heardAt = new LinkedHashMap<>();

    void onStatus(ExecutorStatus status, long nowMillis) {
        latest.put(status.instanceId(), status);
        heardAt.put(status.instanceId(), nowMillis);
    }

    /** The active instance now, or null when none is (none reported, or all silent or standing by). */
    ExecutorStatus active(long nowMillis) {
        return latest.values().stream()
                .filter(s -> s.role() == ExecutorStatus.Role.ACTIVE && !silent(s.instanceId(), nowMillis))
                .max(Comparator.comparingLong(ExecutorStatus::epoch))
                .orElse(null);
    }

    /**
     * {@code {"active":id|null,"activeSince":ISO|null,"epoch":n,"failovers":n,"instances":[{"instanceId","role",
     * "epoch","activeSince","takeovers","lastTakeoverMillis","failoverEnabled","detail","lastHeardMillisAgo",
     * "silent"}]}}; {@code failovers} sums the take-overs the instances heard from report.
     */
    JsonObject json(long nowMillis) {
        ExecutorStatus active = active(nowMillis);
        JsonArray instances = new JsonArray();
        long failovers = 0;
        for (ExecutorStatus s : latest.values()) {
            failovers += s.takeovers();
            long ago = nowMillis - heardAt.get(s.instanceId());
            instances.add(new JsonObject()
                    .put("instanceId", s.instanceId())
                    .put("role", s.role().name())
                    .put("epoch", s.epoch())
                    .put("activeSince", since(s))
                    .put("takeovers", s.takeovers())
                    .put("lastTakeoverMillis", s.lastTakeoverMillis())
                    .put("failoverEnabled", s.failoverEnabled())
                    .put("detail", s.detail())
                    .put("lastHeardMillisAgo", ago)
                    .put("silent", ago > SILENT_AFTER_MILLIS));
        }
        return new JsonObject()
                .put("active", active == null ? null : active.instanceId())
                .put("activeSince", active == null ? null : since(active))
                .put("epoch", active == null ? 0 : active.epoch())
                .put("failovers", failovers)
                .put("instances", instances);
    }

    private boolean silent(String instanceId, long nowMillis) {
        return nowMillis - heardAt.get(instanceId) > SILENT_AFTER_MILLIS;
    }

    private static String since(ExecutorStatus status) {
        return status.activeSinceMillis() == 0
                ? null
                : Instant.ofEpochMilli(status.activeSinceMillis()).toString();
    }
}
