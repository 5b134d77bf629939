package com.doubletime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceOptionsTest {
    private static final List<ServiceOptions.Option> OPTIONS = options();

    @TempDir
    Path dir;

    @Test
    void fileThenEnvironmentThenCommandLine() throws Exception {
        Path file = dir.resolve("kalshi.yaml");
        Files.writeString(file, """
                pairsFile: from-file.json
                kalshi:
                  wsUrl: ws://file:1/trade-api/ws/v2
                  idleTimeoutMillis: 5000
                cluster:
                  members: [10.0.0.1, 10.0.0.2]
                """);
        JsonObject config = ServiceOptions.resolve(
                OPTIONS,
                new String[] {"--config", file.toString(), "--ws-url", "ws://cli:3/trade-api/ws/v2", "--cluster"},
                Map.of(
                        "KALSHI_WS_URL",
                        "ws://env:2/trade-api/ws/v2",
                        "DT_PAIRS",
                        "from-env.json",
                        "DT_CLUSTER_MEMBERS",
                        "feed-a, feed-b"));

        assertEquals(
                "ws://cli:3/trade-api/ws/v2", config.getJsonObject("kalshi").getString("wsUrl"));
        assertEquals(
                5000, config.getJsonObject("kalshi").getInteger("idleTimeoutMillis"), "untouched file value stays");
        assertEquals("from-env.json", config.getString("pairsFile"));
        assertEquals(
                new JsonArray().add("feed-a").add("feed-b"),
                config.getJsonObject("cluster").getJsonArray("members"));
        assertTrue(config.getJsonObject("cluster").getBoolean("enabled"));
        ClusterSettings cluster = ClusterSettings.fromJson(config.getJsonObject("cluster"));
        assertEquals(List.of("feed-a", "feed-b"), cluster.members());
    }

    @Test
    void configFileMayComeFromTheEnvironment() throws Exception {
        Path file = dir.resolve("gateway.json");
        Files.writeString(file, "{\"cluster\":{\"port\":5801}}");
        JsonObject config = ServiceOptions.resolve(
                OPTIONS,
                new String[0],
                Map.of(ServiceOptions.CONFIG_ENV, file.toString(), "DT_EVENTBUS_PORT", "17001"));

        assertEquals(5801, config.getJsonObject("cluster").getInteger("port"));
        assertEquals(17001, config.getJsonObject("cluster").getInteger("eventBusPort"));
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndBadNumbers() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ServiceOptions.resolve(OPTIONS, new String[] {"--bogus"}, Map.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> ServiceOptions.resolve(OPTIONS, new String[] {"--bus-port"}, Map.of()));
        IllegalArgumentException bad = assertThrows(
                IllegalArgumentException.class,
                () -> ServiceOptions.resolve(OPTIONS, new String[0], Map.of("DT_CLUSTER_PORT", "57o1")));
        assertTrue(bad.getMessage().contains("DT_CLUSTER_PORT"), bad.getMessage());
    }

    @Test
    void clusterSettingsRefuseAPortRangeMember() {
        JsonObject cluster = new JsonObject().put("enabled", true).put("members", "127.0.0.1:5701-5703");
        assertThrows(IllegalArgumentException.class, () -> ClusterSettings.fromJson(cluster));
    }

    @Test
    void hazelcastConfigJoinsByTcpIpOnTheGivenInterfacesOnly() {
        ClusterSettings settings = ClusterSettings.fromJson(new JsonObject()
                .put("enabled", true)
                .put("name", "dt-test")
                .put("members", "127.0.0.1")
                .put("interfaces", "127.0.0.1")
                .put("port", 5801));
        var config = HazelcastConfigs.of(settings);

        assertEquals("dt-test", config.getClusterName());
        assertEquals("false", config.getProperty("hazelcast.socket.bind.any"));
        assertEquals(
                "1",
                config.getProperty("hazelcast.wait.seconds.before.join"),
                "members started together join in one round");
        var join = config.getNetworkConfig().getJoin();
        assertTrue(join.getTcpIpConfig().isEnabled());
        assertEquals(false, join.getMulticastConfig().isEnabled());
        assertEquals(List.of("127.0.0.1"), join.getTcpIpConfig().getMembers());
        assertEquals(5801, config.getNetworkConfig().getPort());
        assertTrue(config.getNetworkConfig().getInterfaces().getInterfaces().contains("127.0.0.1"));
        // the structures Vert.x needs come from vertx-hazelcast's default-cluster.xml
        assertTrue(config.getMultiMapConfigs().containsKey("__vertx.subs"));
    }

    private static List<ServiceOptions.Option> options() {
        List<ServiceOptions.Option> all = new ArrayList<>(ServiceOptions.COMMON);
        all.add(new ServiceOptions.Option(
                "--ws-url", "KALSHI_WS_URL", "kalshi.wsUrl", ServiceOptions.Kind.STRING, "venue"));
        return all;
    }
}
