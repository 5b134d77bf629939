package com.doubletime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.cluster.ClusterSettings;
import com.doubletime.cluster.ScaleOut;
import com.doubletime.cluster.ServiceMain;
import com.doubletime.cluster.ServiceOptions;
import com.doubletime.executor.ExecutorConfig;
import com.doubletime.executor.ExecutorMain;
import com.doubletime.gateway.GatewayConfig;
import com.doubletime.gateway.GatewayMain;
import com.doubletime.kalshi.KalshiFeedConfig;
import com.doubletime.kalshi.KalshiFeedMain;
import com.doubletime.polymarket.PolymarketFeedConfig;
import com.doubletime.polymarket.PolymarketFeedMain;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The root {@code docker-compose.yml} against the code: every service's environment is read by that
 * service's {@code Main} (a typo would be silently ignored at run time) and passes its config validation;
 * cluster, simulator, database and port wiring agree; dependencies exist and never reach into an optional
 * profile. SnakeYAML, not Jackson: the file uses YAML merge keys ({@code <<: *cluster-env}).
 */
class ComposeFileTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?[-?]([^}]*))?}");
    /** Read by code outside the option tables: secrets (environment only) and the JVM's options. */
    private static final Set<String> READ_ELSEWHERE = Set.of(
            "JAVA_OPTS", "DOUBLE_TIME_API_TOKEN", "DT_PG_PASSWORD", "KALSHI_API_KEY_ID", "KALSHI_PRIVATE_KEY_PEM_PATH");

    private static final Map<String, List<ServiceOptions.Option>> OPTIONS = Map.of(
            "arbitrage-monitor", ServiceMain.options(),
            "trade-executor", ExecutorMain.OPTIONS,
            "api-gateway", GatewayMain.OPTIONS,
            "kalshi-feed", KalshiFeedMain.OPTIONS,
            "polymarket-feed", PolymarketFeedMain.OPTIONS);

    private final Map<String, Object> compose = load();
    private final Map<String, Map<String, Object>> services = map(compose.get("services"));

    @Test
    void hasTheFiveDeployablesTheJournalsDatabaseAndTheSimulatorsUnderDemo() {
        assertTrue(
                services.keySet().containsAll(OPTIONS.keySet()),
                services.keySet().toString());
        assertTrue(services.containsKey("postgres"));
        assertEquals(List.of("demo"), services.get("exchange-simulator").get("profiles"));
        assertFalse(compose.containsKey("name"), "docker-compose 1.29 rejects a top-level name:");
        assertEquals(2, map(services.get("kalshi-feed").get("deploy")).get("replicas"), "Kalshi feeds scale out");
        assertEquals(
                2, map(services.get("polymarket-feed").get("deploy")).get("replicas"), "Polymarket feeds scale out");
    }

    @Test
    void everyDeployableIsBuiltFromItsModulesFatJar() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("docker/service.Dockerfile"));
        assertTrue(dockerfile.contains("${MODULE}/target/${MODULE}-app.jar"), dockerfile);
        for (String name : List.of(
                "arbitrage-monitor",
                "trade-executor",
                "api-gateway",
                "kalshi-feed",
                "polymarket-feed",
                "exchange-simulator")) {
            Map<String, Object> build = map(services.get(name).get("build"));
            assertEquals("docker/service.Dockerfile", build.get("dockerfile"));
            String module = (String) map(build.get("args")).get("MODULE");
            assertEquals(name, module);
            assertTrue(
                    Files.readString(ROOT.resolve(module).resolve("pom.xml")).contains("<app.mainClass>"),
                    module + " builds no runnable jar");
            assertNotNull(services.get(name).get("healthcheck"), name + " has no health check");
        }
    }

    @Test
    void theDockerBuildContextHoldsEveryBuiltModulesJar() throws Exception {
        // Docker never looks inside a directory excluded by '*' for an exception like '!*/target/*-app.jar'
        List<String> rules = Files.readAllLines(ROOT.resolve(".dockerignore"));
        assertEquals(
                "*",
                rules.stream()
                        .filter(r -> !r.isBlank() && !r.startsWith("#"))
                        .findFirst()
                        .orElse(null));
        for (Map<String, Object> service : services.values()) {
            if (service.get("build") != null) {
                String module =
                        (String) map(map(service.get("build")).get("args")).get("MODULE");
                assertTrue(
                        rules.contains("!" + module + "/target/" + module + "-app.jar"),
                        ".dockerignore leaves out " + module + "'s jar");
            }
        }
        assertTrue(rules.contains("!config/"));
        assertFalse(rules.stream().anyMatch(r -> r.startsWith("!*")), "a wildcard exception matches nothing");
    }

    @Test
    void baseImagesAreVariablesWithThePublicDefaultsAndTheJvmExitsWhenOutOfMemory() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("docker/service.Dockerfile"));
        assertTrue(dockerfile.contains("ARG JAVA_IMAGE=eclipse-temurin:17-jre\nFROM ${JAVA_IMAGE}"), dockerfile);
        assertTrue(dockerfile.contains("exec java -XX:+ExitOnOutOfMemoryError $JAVA_OPTS"), dockerfile);
        assertEquals(
                "${DT_POSTGRES_IMAGE:-postgres:16-alpine}",
                services.get("postgres").get("image"));
        for (String name : OPTIONS.keySet()) {
            assertEquals(
                    "${DT_JAVA_IMAGE:-eclipse-temurin:17-jre}",
                    map(map(services.get(name).get("build")).get("args")).get("JAVA_IMAGE"),
                    name);
        }
    }

    @Test
    void everyVariableIsOneTheServiceReadsAndTheResultingConfigIsValid() {
        OPTIONS.forEach((name, options) -> {
            Map<String, String> env = environment(name);
            Set<String> known = new HashSet<>(READ_ELSEWHERE);
            options.forEach(option -> known.add(option.env()));
            for (String variable : env.keySet()) {
                assertTrue(known.contains(variable), name + ": nothing reads " + variable);
            }
            JsonObject config = ServiceOptions.resolve(options, new String[0], env);
            ClusterSettings cluster = ClusterSettings.fromJson(config.getJsonObject("cluster"));
            assertTrue(cluster.enabled(), name + " must join the cluster");
            assertEquals("double-time", cluster.name(), name);
            for (String member : cluster.members()) {
                assertTrue(
                        services.containsKey(member) || clusterAliases(name).contains(member),
                        name + ": join seed " + member + " is neither a service nor a network alias it carries");
            }
            assertTrue(env.get("DT_PAIRS").startsWith("/app/config/"), name + ": pairs must be inside the image");
            assertEquals(
                    name.endsWith("-feed"),
                    cluster.liteMember(),
                    name + ": the feeds, which come and go, hold no cluster data; the singletons do");
            switch (name) {
                case "trade-executor" -> ExecutorConfig.fromJson(config.getJsonObject("executor"));
                case "api-gateway" -> GatewayConfig.fromJson(config.getJsonObject("gateway"));
                case "kalshi-feed" -> {
                    KalshiFeedConfig.fromJson(
                            config.getJsonObject("kalshi").copy().put("tickers", new JsonArray().add("T")));
                    ScaleOut.fromJson("kalshi", config.getJsonObject("scaleOut"));
                }
                case "polymarket-feed" ->
                    PolymarketFeedConfig.fromJson(
                            config.getJsonObject("polymarket").copy().put("assetIds", new JsonArray().add("1")));
                default -> {}
            }
        });
    }

    @Test
    void feedsPointAtTheSimulatorsPortsByDefault() {
        Map<String, String> simulator = environment("exchange-simulator");
        URI kalshi = URI.create(environment("kalshi-feed").get("KALSHI_WS_URL"));
        URI polymarket = URI.create(environment("polymarket-feed").get("POLYMARKET_WS_URL"));
        assertEquals("exchange-simulator", kalshi.getHost());
        assertEquals(simulator.get("SIMULATOR_KALSHI_PORT"), Integer.toString(kalshi.getPort()));
        assertEquals("exchange-simulator", polymarket.getHost());
        assertEquals(simulator.get("SIMULATOR_POLYMARKET_PORT"), Integer.toString(polymarket.getPort()));
        assertEquals("0.0.0.0", simulator.get("SIMULATOR_HOST"), "reachable from the other containers");
    }

    @Test
    void twoExecutorsRunOneActiveOneStandingByOnTheSharedJournal() {
        assertEquals(2, map(services.get("trade-executor").get("deploy")).get("replicas"), "an active and a standby");
        assertEquals("true", environment("trade-executor").get("EXECUTOR_FAILOVER"));
        assertEquals("postgres", environment("trade-executor").get("EXECUTOR_JOURNAL_STORE"), "fail-over needs it");
    }

    @Test
    void theExecutorJournalsToTheComposedPostgres() {
        Map<String, String> executor = environment("trade-executor");
        Map<String, String> postgres = environment("postgres");
        assertEquals("postgres", executor.get("EXECUTOR_JOURNAL_STORE"));
        assertEquals("postgres", executor.get("DT_PG_HOST"));
        assertEquals(postgres.get("POSTGRES_DB"), executor.get("DT_PG_DATABASE"));
        assertEquals(postgres.get("POSTGRES_USER"), executor.get("DT_PG_USER"));
        // the same secret from .env on both sides, never a literal in the file
        assertEquals(
                rawEnvironment("postgres").get("POSTGRES_PASSWORD"),
                rawEnvironment("trade-executor").get("DT_PG_PASSWORD"));
        assertTrue(rawEnvironment("trade-executor").get("DT_PG_PASSWORD").startsWith("${DT_PG_PASSWORD"));
        assertEquals(
                "service_healthy",
                map(map(services.get("trade-executor").get("depends_on")).get("postgres"))
                        .get("condition"));
    }

    @Test
    void theGatewayIsPublishedOnLoopbackAtTheContainerPortItListensOn() {
        String published = String.valueOf(((List<?>) services.get("api-gateway").get("ports")).get(0));
        assertTrue(published.startsWith("127.0.0.1:"), "the API must not be exposed beyond the host: " + published);
        assertTrue(published.endsWith(":" + environment("api-gateway").get("GATEWAY_PORT")), published);
        assertEquals("0.0.0.0", environment("api-gateway").get("GATEWAY_HOST"));
    }

    @Test
    void dependenciesExistAndNeverReachIntoAnOptionalProfile() {
        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn == null) {
                return;
            }
            for (String dependency : map(dependsOn).keySet()) {
                assertTrue(services.containsKey(dependency), name + " depends on unknown " + dependency);
                assertEquals(
                        null,
                        services.get(dependency).get("profiles"),
                        name + " would pull in the optional " + dependency);
            }
        });
    }

    @Test
    void secretsStayOutOfGit() throws Exception {
        assertTrue(Files.readAllLines(ROOT.resolve(".gitignore")).contains(".env"));
        String example = Files.readString(ROOT.resolve(".env.example"));
        Matcher variables = VARIABLE.matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
        while (variables.find()) {
            assertTrue(example.contains(variables.group(1) + "="), ".env.example does not show " + variables.group(1));
        }
    }

    /** The network aliases a service carries on the compose network. */
    @SuppressWarnings("unchecked")
    private List<String> clusterAliases(String service) {
        Object networks = services.get(service).get("networks");
        if (!(networks instanceof Map<?, ?>)) {
            return List.of();
        }
        Map<String, Object> network = map(map(networks).get("double-time"));
        return network == null || network.get("aliases") == null ? List.of() : (List<String>) network.get("aliases");
    }

    /** A service's environment with every {@code ${VAR:-default}} at its default ({@code ${VAR:?}} as "secret"). */
    private Map<String, String> environment(String service) {
        Map<String, String> resolved = new HashMap<>();
        rawEnvironment(service).forEach((key, value) -> {
            Matcher m = VARIABLE.matcher(value);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String fallback = m.group(0).contains(":?") ? "secret" : m.group(2) == null ? "" : m.group(2);
                m.appendReplacement(out, Matcher.quoteReplacement(fallback));
            }
            m.appendTail(out);
            resolved.put(key, out.toString());
        });
        return resolved;
    }

    private Map<String, String> rawEnvironment(String service) {
        Map<String, String> env = new HashMap<>();
        map(services.get(service).get("environment")).forEach((key, value) -> env.put(key, String.valueOf(value)));
        return env;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object value) {
        return (Map<String, V>) value;
    }

    private static Map<String, Object> load() {
        try {
            return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
