package com.doubletime.polymarket.gamma;

import com.doubletime.domain.discovery.MarketListing;
import com.doubletime.domain.discovery.PairDiscovery;
import com.doubletime.polymarket.order.TokenMarket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One Gamma {@code /markets} record, with Gamma's quirks undone (polymarket.md §1.2): {@code outcomes} and
 * {@code clobTokenIds} are JSON arrays encoded inside strings, {@code positionIds} a real array, numbers may
 * come as numbers or strings. Amounts are exact {@link BigDecimal}s.
 *
 * @param version  {@code "v1"} (trade {@code clobTokenIds} on the CLOB V2 exchanges) or {@code "v2"} (trade
 *                 {@code positionIds} on ExchangeV3)
 * @param feeRate  {@code feeSchedule.rate}, zero when fees are disabled or absent
 * @param question the market's question as Polymarket words it, or null (for pair discovery)
 * @param endDate  {@code endDate} (else {@code endDateIso}) as sent, ISO-8601, or null (for pair discovery)
 */
public record GammaMarket(
        String conditionId,
        List<String> outcomes,
        List<String> clobTokenIds,
        List<String> positionIds,
        String version,
        boolean negRisk,
        BigDecimal tickSize,
        BigDecimal minOrderSize,
        boolean feesEnabled,
        BigDecimal feeRate,
        BigDecimal feeExponent,
        boolean active,
        boolean closed,
        boolean acceptingOrders,
        boolean enableOrderBook,
        String question,
        String endDate) {

    /** The ids orders and books use: by {@code version}, "even when both fields are present". */
    public List<String> tradedTokenIds() {
        return "v2".equals(version) ? positionIds : clobTokenIds;
    }

    /** Order-building parameters for both traded tokens, for the gateway's catalog. */
    public List<TokenMarket> tokenMarkets() {
        return tradedTokenIds().stream()
                .map(token -> new TokenMarket(token, conditionId, tickSize, minOrderSize, negRisk, version))
                .toList();
    }

    public boolean tradable() {
        return active && !closed && acceptingOrders && enableOrderBook;
    }

    /** @throws IllegalArgumentException naming the field that cannot be read */
    public static GammaMarket parse(JsonObject json) {
        String conditionId = json.getString("conditionId");
        if (conditionId == null || conditionId.isBlank()) {
            throw new IllegalArgumentException("Gamma market without conditionId");
        }
        JsonObject schedule = json.getValue("feeSchedule") instanceof JsonObject o ? o : new JsonObject();
        boolean feesEnabled = json.getBoolean("feesEnabled", false);
        return new GammaMarket(
                conditionId,
                stringList(json.getValue("outcomes"), "outcomes"),
                stringList(json.getValue("clobTokenIds"), "clobTokenIds"),
                stringList(json.getValue("positionIds"), "positionIds"),
                json.getString("version", "v1").toLowerCase(Locale.ROOT),
                json.getBoolean("negRisk", false),
                decimal(json.getValue("orderPriceMinTickSize"), "orderPriceMinTickSize"),
                decimal(json.getValue("orderMinSize"), "orderMinSize"),
                feesEnabled,
                feesEnabled && schedule.getValue("rate") != null
                        ? decimal(schedule.getValue("rate"), "feeSchedule.rate")
                        : BigDecimal.ZERO,
                schedule.getValue("exponent") != null
                        ? decimal(schedule.getValue("exponent"), "feeSchedule.exponent")
                        : BigDecimal.ONE,
                json.getBoolean("active", false),
                json.getBoolean("closed", true),
                json.getBoolean("acceptingOrders", false),
                json.getBoolean("enableOrderBook", false),
                text(json, "question"),
                text(json, "endDate") != null ? text(json, "endDate") : text(json, "endDateIso"));
    }

    /**
     * This market as pair discovery scores it: condition id, question, end day (UTC) and the traded YES / NO
     * tokens, matched to {@code outcomes} by index ("Yes" / "No"; any other two outcomes in their listed order,
     * for a human to check). Null when it is not a two-outcome market or has no question.
     */
    public MarketListing listing() {
        List<String> tokens = tradedTokenIds();
        if (question == null || tokens.size() != 2) {
            return null;
        }
        int yes = 0;
        if (outcomes.size() == 2
                && "yes".equalsIgnoreCase(outcomes.get(1).strip())
                && "no".equalsIgnoreCase(outcomes.get(0).strip())) {
            yes = 1;
        }
        LocalDate closes;
        try {
            closes = PairDiscovery.day(endDate);
        } catch (DateTimeException | IndexOutOfBoundsException e) {
            closes = null; // an unreadable end date scores as unknown
        }
        return MarketListing.polymarket(conditionId, question, closes, tokens.get(yes), tokens.get(1 - yes));
    }

    private static String text(JsonObject json, String field) {
        Object value = json.getValue(field);
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    /** A JSON array, or a string holding one (Gamma encodes some arrays twice). */
    static List<String> stringList(Object value, String field) {
        if (value == null) {
            return List.of();
        }
        JsonArray array;
        if (value instanceof JsonArray a) {
            array = a;
        } else if (value instanceof String text) {
            try {
                array = new JsonArray(text);
            } catch (DecodeException e) {
                throw new IllegalArgumentException(field + " is not a JSON array (nor one inside a string): " + text);
            }
        } else {
            throw new IllegalArgumentException(field + " is neither an array nor a string");
        }
        List<String> out = new ArrayList<>();
        for (Object item : array) {
            out.add(String.valueOf(item));
        }
        return List.copyOf(out);
    }

    private static BigDecimal decimal(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("Gamma market without " + field);
        }
        try {
            // a JSON number arrives as a Double: its shortest decimal string is the value Gamma printed
            return new BigDecimal(value.toString()).stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not a number: " + value);
        }
    }
}
