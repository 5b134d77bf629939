package com.doubletime.polymarket;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The official REST {@code /book} hash (polymarket.md §2.9): lower-case hex SHA-1 of the summary's compact
 * JSON with keys in a fixed order and {@code "hash":""}. Prices and sizes must be the strings exactly as
 * received. WS {@code book} hashes are not reproducible and are treated as opaque.
 */
public final class BookSummaryHash {
    private BookSummaryHash() {}

    public static String of(JsonObject summary) {
        JsonObject canonical = new JsonObject()
                .put("market", summary.getValue("market"))
                .put("asset_id", summary.getValue("asset_id"))
                .put("timestamp", summary.getValue("timestamp"))
                .put("hash", "")
                .put("bids", levels(summary.getJsonArray("bids")))
                .put("asks", levels(summary.getJsonArray("asks")))
                .put("min_order_size", summary.getValue("min_order_size"))
                .put("tick_size", summary.getValue("tick_size"))
                .put("neg_risk", summary.getValue("neg_risk"))
                .put("last_trade_price", summary.getValue("last_trade_price"));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-1").digest(canonical.encode().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-1", e);
        }
    }

    /** True when the summary carries a hash and it is the one its content gives. */
    public static boolean verifies(JsonObject summary) {
        String hash = summary.getString("hash");
        return hash != null && hash.equalsIgnoreCase(of(summary));
    }

    private static JsonArray levels(JsonArray levels) {
        JsonArray out = new JsonArray();
        if (levels != null) {
            for (int i = 0; i < levels.size(); i++) {
                JsonObject level = levels.getJsonObject(i);
                out.add(new JsonObject().put("price", level.getValue("price")).put("size", level.getValue("size")));
            }
        }
        return out;
    }
}
