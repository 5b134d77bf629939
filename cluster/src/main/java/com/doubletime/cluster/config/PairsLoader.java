package com.doubletime.cluster.config;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.PairsFile;
import com.doubletime.domain.PairsFileException;
import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a pairs file (JSON, or YAML by its extension) through vertx-config and validates it (contracts §1). */
public final class PairsLoader {
    private PairsLoader() {}

    public static Future<List<MarketPair>> load(Vertx vertx, Path file) {
        if (Files.isDirectory(file)) {
            return Future.failedFuture(new PairsFileException(
                    null,
                    null,
                    "the pairs file " + file.toAbsolutePath() + " is a directory: name the JSON or YAML file itself"));
        }
        if (!Files.isRegularFile(file)) {
            return Future.failedFuture(new PairsFileException(null, null, "no pairs file at " + file.toAbsolutePath()));
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String format = name.endsWith(".yaml") || name.endsWith(".yml") ? "yaml" : "json";
        ConfigStoreOptions store = new ConfigStoreOptions()
                .setType("file")
                .setFormat(format)
                .setConfig(new JsonObject().put("path", file.toAbsolutePath().toString()));
        ConfigRetriever retriever = ConfigRetriever.create(
                vertx,
                new ConfigRetrieverOptions().addStore(store).setScanPeriod(0).setIncludeDefaultStores(false));
        return retriever
                .getConfig()
                .recover(e -> Future.failedFuture(new PairsFileException(
                        null, null, "cannot read " + file + " as " + format + ": " + readable(e))))
                .compose(json -> {
                    try {
                        return Future.succeededFuture(PairsFile.parse(toPlainMap(json)));
                    } catch (PairsFileException e) {
                        return Future.failedFuture(e);
                    }
                })
                .andThen(done -> retriever.close());
    }

    /**
     * The parser's message on one line, without Jackson's {@code Source: REDACTED (…disabled)}: the line and column
     * say where, the file is named already.
     */
    static String readable(Throwable e) {
        return String.valueOf(e.getMessage())
                .replaceAll("Source: REDACTED \\([^)]*\\); ", "")
                .replaceAll("\\s+", " ")
                .trim();
    }

    /** vertx-config hands back JsonObject/JsonArray; the domain validates plain maps and lists. */
    public static Map<String, Object> toPlainMap(JsonObject json) {
        Map<String, Object> plain = new LinkedHashMap<>();
        json.forEach(entry -> plain.put(entry.getKey(), toPlain(entry.getValue())));
        return plain;
    }

    private static Object toPlain(Object value) {
        if (value instanceof JsonObject object) {
            return toPlainMap(object);
        }
        if (value instanceof JsonArray array) {
            List<Object> list = new ArrayList<>();
            array.forEach(item -> list.add(toPlain(item)));
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            return toPlainMap(new JsonObject(castMap(map)));
        }
        if (value instanceof List<?> list) {
            return toPlain(new JsonArray(new ArrayList<>(list)));
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
