package com.doubletime.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * How a deployable joins the Hazelcast-backed Vert.x cluster, or that it runs alone.
 *
 * @param enabled            false: a plain, non-clustered Vert.x (every verticle must then be in this JVM)
 * @param name               Hazelcast cluster name; nodes with another name never join each other
 * @param members            TCP-IP join seeds, host or host:port; a bare host makes Hazelcast try
 *                           {@code port}..{@code port+2} itself (a port <em>range</em> here breaks with
 *                           explicit interfaces, stack-notes gotcha 8)
 * @param interfaces         interfaces Hazelcast may bind and advertise (e.g. {@code 127.0.0.1}, {@code 10.0.*.*});
 *                           empty lets Hazelcast choose, which in containers is the container's address
 * @param port               first Hazelcast port; auto-incremented (up to 10) when taken, so several nodes fit on
 *                           one host
 * @param eventBusHost       address the event-bus TCP server binds
 * @param eventBusPort       its port; 0 picks a free one
 * @param eventBusPublicHost address other nodes use to reach this node's event bus; null = {@code eventBusHost}
 * @param liteMember         a Hazelcast lite member: uses the cluster's maps but holds none of their partitions, so
 *                           its joining or dying moves no data (the feeds, which are scaled and killed; the
 *                           singletons hold the data)
 */
public record ClusterSettings(
        boolean enabled,
        String name,
        List<String> members,
        List<String> interfaces,
        int port,
        String eventBusHost,
        int eventBusPort,
        String eventBusPublicHost,
        boolean liteMember) {
    public static final String DEFAULT_NAME = "double-time";
    public static final int DEFAULT_PORT = 5701;
    public static final ClusterSettings STANDALONE = new ClusterSettings(
            false, DEFAULT_NAME, List.of("127.0.0.1"), List.of("127.0.0.1"), DEFAULT_PORT, "127.0.0.1", 0, null, false);

    public ClusterSettings {
        require(name != null && !name.isBlank(), "name", "is required");
        members = List.copyOf(members == null ? List.of() : members);
        interfaces = List.copyOf(interfaces == null ? List.of() : interfaces);
        require(!enabled || !members.isEmpty(), "members", "must name at least one member to join (no multicast)");
        for (String member : members) {
            require(
                    !member.isBlank() && !member.matches(".*:\\d+-\\d+"),
                    "members",
                    "must be host or host:port, not a port range: '" + member + "'");
        }
        require(port > 0 && port <= 65_535, "port", "must be 1 to 65535");
        require(eventBusHost != null && !eventBusHost.isBlank(), "eventBusHost", "is required");
        require(eventBusPort >= 0 && eventBusPort <= 65_535, "eventBusPort", "must be 0 to 65535");
    }

    /**
     * Reads {@code {"enabled":false,"name":"double-time","members":["127.0.0.1"],"interfaces":["127.0.0.1"],
     * "port":5701,"eventBusHost":"127.0.0.1","eventBusPort":0,"eventBusPublicHost":null,"liteMember":false}}; every
     * key optional.
     * Lists may also be given as one comma-separated string (what an environment variable carries).
     */
    public static ClusterSettings fromJson(JsonObject json) {
        JsonObject in = json == null ? new JsonObject() : json;
        ClusterSettings d = STANDALONE;
        try {
            return new ClusterSettings(
                    in.getBoolean("enabled", d.enabled),
                    in.getString("name", d.name),
                    list(in.getValue("members"), d.members),
                    list(in.getValue("interfaces"), d.interfaces),
                    in.getInteger("port", d.port),
                    in.getString("eventBusHost", d.eventBusHost),
                    in.getInteger("eventBusPort", d.eventBusPort),
                    in.getString("eventBusPublicHost"),
                    in.getBoolean("liteMember", d.liteMember));
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("cluster config: a field has the wrong type: " + e.getMessage(), e);
        }
    }

    /**
     * The address advertised to the other nodes. Bound to every interface ({@code 0.0.0.0}, in a container) and
     * with no public host given, it is this host's own address: each replica of a service then advertises
     * itself, which one shared environment variable could not do.
     */
    public String advertisedEventBusHost() {
        if (eventBusPublicHost != null && !eventBusPublicHost.isBlank()) {
            return eventBusPublicHost;
        }
        if (eventBusHost.equals("0.0.0.0")) {
            try {
                return java.net.InetAddress.getLocalHost().getHostAddress();
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(
                        "cluster.eventBusHost is 0.0.0.0 and this host's address is unknown: "
                                + "set cluster.eventBusPublicHost",
                        e);
            }
        }
        return eventBusHost;
    }

    private static List<String> list(Object value, List<String> fallback) {
        if (value == null) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        if (value instanceof JsonArray array) {
            array.forEach(item -> out.add(String.valueOf(item).trim()));
        } else {
            for (String item : value.toString().split(",")) {
                if (!item.isBlank()) {
                    out.add(item.trim());
                }
            }
        }
        return out;
    }

    private static void require(boolean ok, String field, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("cluster." + field + " " + problem);
        }
    }
}
