package com.doubletime.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The configuration of a deployable's {@code Main}, from three layers, later ones winning:
 * <ol>
 *   <li>a JSON or YAML file named by {@code --config FILE} or {@code DT_CONFIG} (optional);</li>
 *   <li>environment variables, each mapped to one key of that file;</li>
 *   <li>command-line options, each mapped to the same key.</li>
 * </ol>
 * The result is one JSON object shaped like the file, so every layer is validated by the same
 * {@code fromJson} of the module's config record. Values from the environment and the command line are
 * strings, converted by the option's {@link Kind}.
 */
public final class ServiceOptions {
    public static final String CONFIG_ENV = "DT_CONFIG";
    public static final String CONFIG_FLAG = "--config";

    /** How a string from the environment or the command line becomes a JSON value. */
    public enum Kind {
        STRING,
        INT,
        LONG,
        BOOL,
        LIST,
        SWITCH
    }

    /**
     * One setting.
     *
     * @param flag command-line option ({@code --port}); a {@link Kind#SWITCH} takes no value and means true
     * @param env  environment variable, or null
     * @param path dotted key in the file ({@code cluster.members})
     */
    public record Option(String flag, String env, String path, Kind kind, String help) {}

    /** What every deployable understands: its pairs file and how it joins the cluster. */
    public static final List<Option> COMMON = List.of(
            new Option("--pairs", "DT_PAIRS", "pairsFile", Kind.STRING, "pairs file (JSON or YAML)"),
            new Option("--cluster", "DT_CLUSTER", "cluster.enabled", Kind.SWITCH, "join the Hazelcast cluster"),
            new Option("--cluster-name", "DT_CLUSTER_NAME", "cluster.name", Kind.STRING, "cluster name"),
            new Option(
                    "--members",
                    "DT_CLUSTER_MEMBERS",
                    "cluster.members",
                    Kind.LIST,
                    "TCP-IP join seeds, comma-separated host[:port]"),
            new Option(
                    "--interfaces",
                    "DT_CLUSTER_INTERFACES",
                    "cluster.interfaces",
                    Kind.LIST,
                    "interfaces Hazelcast binds, comma-separated (empty: let Hazelcast choose)"),
            new Option("--cluster-port", "DT_CLUSTER_PORT", "cluster.port", Kind.INT, "first Hazelcast port"),
            new Option(
                    "--lite-member",
                    "DT_CLUSTER_LITE_MEMBER",
                    "cluster.liteMember",
                    Kind.SWITCH,
                    "hold no partition of the cluster's data (for instances that come and go: the feeds)"),
            new Option("--bus-host", "DT_EVENTBUS_HOST", "cluster.eventBusHost", Kind.STRING, "event-bus bind address"),
            new Option("--bus-port", "DT_EVENTBUS_PORT", "cluster.eventBusPort", Kind.INT, "event-bus port (0: any)"),
            new Option(
                    "--bus-public-host",
                    "DT_EVENTBUS_PUBLIC_HOST",
                    "cluster.eventBusPublicHost",
                    Kind.STRING,
                    "event-bus address advertised to other nodes"),
            new Option(
                    "--metrics-port",
                    "DT_METRICS_PORT",
                    "metrics.port",
                    Kind.INT,
                    "Prometheus /metrics of this process on the event-bus bind address (0: none)"),
            new Option(
                    "--ready-file",
                    "DT_READY_FILE",
                    "readyFile",
                    Kind.STRING,
                    "file that exists only while the service is deployed (for a container health check)"));

    private ServiceOptions() {}

    /**
     * @throws IllegalArgumentException for an unknown option, a missing value, a value of the wrong kind, or
     *                                  an unreadable file
     */
    public static JsonObject resolve(List<Option> options, String[] args, Map<String, String> env) {
        String file = env.get(CONFIG_ENV);
        for (int i = 0; i < args.length; i++) {
            if (CONFIG_FLAG.equals(args[i]) && i + 1 < args.length) {
                file = args[i + 1];
            }
        }
        JsonObject config = file == null || file.isBlank() ? new JsonObject() : readFile(Path.of(file));
        for (Option option : options) {
            String value = option.env() == null ? null : env.get(option.env());
            if (value != null && !value.isBlank()) {
                put(config, option.path(), convert(option, value, option.env()));
            }
        }
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (CONFIG_FLAG.equals(flag)) {
                i++;
                continue;
            }
            Option option = find(options, flag);
            if (option.kind() == Kind.SWITCH) {
                put(config, option.path(), true);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                put(config, option.path(), convert(option, args[++i], flag));
            }
        }
        return config;
    }

    /** One line per option, for {@code --help}. */
    public static String usage(String command, List<Option> options) {
        StringBuilder out = new StringBuilder("usage: " + command + " [options]\n  " + CONFIG_FLAG + " FILE  ("
                + CONFIG_ENV + ")  JSON or YAML file; the environment overrides it, options override both\n");
        for (Option option : options) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-18s %-26s %s%n",
                    option.flag() + (option.kind() == Kind.SWITCH ? "" : " V"),
                    option.env() == null ? "" : "(" + option.env() + ")",
                    option.help()));
        }
        return out.toString();
    }

    private static Option find(List<Option> options, String flag) {
        for (Option option : options) {
            if (option.flag().equals(flag)) {
                return option;
            }
        }
        throw new IllegalArgumentException("unknown option " + flag);
    }

    private static Object convert(Option option, String raw, String source) {
        String value = raw.trim();
        try {
            return switch (option.kind()) {
                case STRING -> value;
                case INT -> Integer.parseInt(value);
                case LONG -> Long.parseLong(value);
                case BOOL, SWITCH -> parseBoolean(value);
                case LIST -> {
                    JsonArray list = new JsonArray();
                    for (String item : value.split(",")) {
                        if (!item.isBlank()) {
                            list.add(item.trim());
                        }
                    }
                    yield list;
                }
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " must be a whole number, got '" + raw + "'");
        }
    }

    private static boolean parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got '" + value + "'");
        };
    }

    private static void put(JsonObject root, String path, Object value) {
        String[] keys = path.split("\\.");
        JsonObject node = root;
        for (int i = 0; i < keys.length - 1; i++) {
            JsonObject child = node.getJsonObject(keys[i]);
            if (child == null) {
                child = new JsonObject();
                node.put(keys[i], child);
            }
            node = child;
        }
        node.put(keys[keys.length - 1], value);
    }

    static JsonObject readFile(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read config file " + file.toAbsolutePath() + ": " + e.getMessage());
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                Object parsed = new Yaml().load(text);
                if (parsed == null) {
                    return new JsonObject();
                }
                if (!(parsed instanceof Map<?, ?> map)) {
                    throw new IllegalArgumentException("config file " + file + " must hold a mapping");
                }
                return new JsonObject(stringKeys(map));
            }
            return new JsonObject(text);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException("config file " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((key, value) -> out.put(
                String.valueOf(key),
                value instanceof Map<?, ?> nested
                        ? stringKeys(nested)
                        : value instanceof List<?> list ? new ArrayList<>((List<Object>) list) : value));
        return out;
    }
}
