package com.doubletime.gateway;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict JSON request bodies: an object, no duplicate keys, nothing after it, decimals read exactly (never
 * through a binary float), and only the fields an endpoint knows: a misspelt limit silently ignored is a
 * limit not applied.
 */
final class JsonBodies {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private JsonBodies() {}

    /** The body as a map; an empty body is an empty object when {@code emptyAllowed}. */
    static Map<String, Object> object(RoutingContext rc, boolean emptyAllowed) {
        String text = rc.body() == null ? null : rc.body().asString();
        if (text == null || text.isBlank()) {
            if (emptyAllowed) {
                return Map.of();
            }
            throw new ApiErrors.BadRequest("body", "a JSON object is required");
        }
        String type = rc.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiErrors.UnsupportedMediaType("Content-Type must be application/json");
        }
        if (!text.stripLeading().startsWith("{")) {
            throw new ApiErrors.BadRequest("body", "must be a JSON object");
        }
        try {
            return STRICT.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new ApiErrors.BadRequest("body", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Rejects the first field not in {@code allowed}, naming it with its path. */
    static void allowOnly(Map<String, ?> object, Set<String> allowed, String prefix) {
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw new ApiErrors.BadRequest(
                        prefix + key,
                        "unknown field '" + prefix + key + "' (known: " + String.join(", ", new TreeSet<>(allowed))
                                + ")");
            }
        }
    }

    /** JSON numbers read as BigInteger/BigDecimal become Long when whole and small, so validators see plain numbers. */
    static Object plain(Object value) {
        if (value instanceof BigInteger big && big.bitLength() < 63) {
            return big.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, plain(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonBodies::plain).toList();
        }
        return value;
    }
}
