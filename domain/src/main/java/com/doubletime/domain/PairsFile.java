package com.doubletime.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a pairs file (contracts §1) already read into maps and lists (JSON or YAML), and builds
 * {@link MarketPair}s. Everything wrong is rejected at load with the pair and field named: a pair that
 * trades on a misread token id loses real money.
 */
public final class PairsFile {
    private static final long DEFAULT_KALSHI_FEE_RATE = 70_000; // 0.07
    private static final long DEFAULT_TICK = 10_000; // 0.01

    private PairsFile() {}

    public static List<MarketPair> parse(Map<String, ?> root) {
        if (root == null) {
            throw new PairsFileException(null, "pairs", "the file is empty");
        }
        Object list = root.get("pairs");
        if (!(list instanceof List<?> entries)) {
            throw new PairsFileException(null, "pairs", list == null ? "is required" : "must be a list");
        }
        List<MarketPair> pairs = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            pairs.add(parsePair(entries.get(i), i));
        }
        checkUnique(pairs);
        return List.copyOf(pairs);
    }

    /**
     * The rules that span pairs: an id appears once, and a token id in one place only.
     *
     * @throws PairsFileException naming the later pair and the field
     */
    public static void checkUnique(List<MarketPair> pairs) {
        Set<String> ids = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        for (MarketPair pair : pairs) {
            if (!ids.add(pair.id())) {
                throw new PairsFileException(pair.id(), "id", "duplicate pair id");
            }
            for (String[] token : new String[][] {
                {"polymarket.yesTokenId", pair.yesTokenId()}, {"polymarket.noTokenId", pair.noTokenId()}
            }) {
                if (!tokens.add(token[1])) {
                    throw new PairsFileException(pair.id(), token[0], "token id " + token[1] + " is listed twice");
                }
            }
        }
    }

    /** Validates one pair entry (also used by the HTTP API to add a pair). */
    public static MarketPair parsePair(Object entry, int index) {
        if (!(entry instanceof Map<?, ?> pair)) {
            throw new PairsFileException("#" + index, null, "must be an object");
        }
        Object rawId = pair.get("id");
        String id = rawId instanceof String s && !s.isBlank() ? s : null;
        String label = id != null ? id : "#" + index;
        if (id == null) {
            throw new PairsFileException(label, "id", rawId == null ? "is required" : "must be a non-empty string");
        }
        Fields fields = new Fields(label, pair);
        Fields kalshi = fields.object("kalshi");
        Fields poly = fields.object("polymarket");
        String polarity = fields.requiredString("polarity");
        Polarity parsedPolarity = switch (polarity) {
            case "same" -> Polarity.SAME;
            case "inverse" -> Polarity.INVERSE;
            default ->
                throw new PairsFileException(label, "polarity", "must be 'same' or 'inverse', got '" + polarity + "'");
        };
        String yes = poly.requiredString("yesTokenId");
        String no = poly.requiredString("noTokenId");
        if (yes.equals(no)) {
            throw new PairsFileException(label, "polymarket.noTokenId", "token id " + no + " is listed twice");
        }
        long tick = poly.decimal("tickSize", DEFAULT_TICK);
        if (tick <= 0 || tick >= FixedPoint.ONE) {
            throw new PairsFileException(label, "polymarket.tickSize", "must be between 0 and 1");
        }
        long maxQuantity = fields.decimal("maxQuantity", MarketPair.UNLIMITED);
        if (maxQuantity <= 0) {
            throw new PairsFileException(label, "maxQuantity", "must be positive");
        }
        return new MarketPair(
                id,
                fields.optionalString("description", ""),
                kalshi.requiredString("ticker"),
                kalshi.rate("takerFeeRate", DEFAULT_KALSHI_FEE_RATE),
                poly.requiredString("conditionId"),
                yes,
                no,
                poly.rate("takerFeeRate", 0),
                tick,
                poly.nonNegative("minOrderSize", 0),
                poly.bool("negRisk", false),
                parsedPolarity,
                fields.nonNegative("minEdge", 0),
                maxQuantity);
    }

    /** Field access with the pair's label and the dotted field path in every error. */
    private record Fields(String label, String prefix, Map<?, ?> values) {
        Fields(String label, Map<?, ?> values) {
            this(label, "", values);
        }

        Fields object(String name) {
            Object value = values.get(name);
            if (value == null) {
                throw new PairsFileException(label, prefix + name, "is required");
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw new PairsFileException(label, prefix + name, "must be an object");
            }
            return new Fields(label, prefix + name + ".", map);
        }

        String requiredString(String name) {
            Object value = values.get(name);
            if (value == null) {
                throw new PairsFileException(label, prefix + name, "is required");
            }
            if (!(value instanceof String s) || s.isBlank()) {
                throw new PairsFileException(label, prefix + name, "must be a non-empty string");
            }
            return s.trim();
        }

        String optionalString(String name, String fallback) {
            Object value = values.get(name);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof String s)) {
                throw new PairsFileException(label, prefix + name, "must be a string");
            }
            return s;
        }

        boolean bool(String name, boolean fallback) {
            Object value = values.get(name);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof Boolean b)) {
                throw new PairsFileException(label, prefix + name, "must be true or false");
            }
            return b;
        }

        long decimal(String name, long fallback) {
            Object value = values.get(name);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof String) && !(value instanceof Number)) {
                throw new PairsFileException(label, prefix + name, "must be a decimal string");
            }
            try {
                String text = value instanceof Number n
                        ? new java.math.BigDecimal(n.toString()).toPlainString()
                        : ((String) value).trim();
                return FixedPoint.parse(text);
            } catch (NumberFormatException e) {
                throw new PairsFileException(label, prefix + name, "is not a decimal: '" + value + "'");
            }
        }

        long nonNegative(String name, long fallback) {
            long value = decimal(name, fallback);
            if (value < 0) {
                throw new PairsFileException(label, prefix + name, "must not be negative");
            }
            return value;
        }

        long rate(String name, long fallback) {
            long value = decimal(name, fallback);
            if (value < 0 || value > FixedPoint.ONE) {
                throw new PairsFileException(label, prefix + name, "must be between 0 and 1");
            }
            return value;
        }
    }
}
