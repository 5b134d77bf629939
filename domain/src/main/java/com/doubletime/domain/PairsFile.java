package com.doubletime.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a pairs file (contracts §1) already read into maps and lists (JSON or YAML), and builds
 * {@link MarketPair}s. Everything wrong is rejected at load with the pair and field named: a pair that
 * trades on a misread token id loses real money. Each field is checked the way its venue would check it:
 *
 * <ul>
 *   <li>{@code id}: 1 to 64 of {@code A–Z a–z 0–9 . _ -}, starting with a letter or digit (it names files,
 *       URLs and log lines: no paths, spaces, markup or control characters);</li>
 *   <li>{@code kalshi.ticker}: Kalshi's alphabet, upper-case letters, digits, {@code -} and {@code .}
 *       ({@code KXFEDDECISION-26DEC-C25}, {@code HIGHNY-22DEC23-B53.5}; kalshi.md);</li>
 *   <li>{@code polymarket.conditionId}: {@code 0x} and 64 hex digits (a bytes32, polymarket.md §1.2);
 *       token ids: canonical decimal uint256 (the CLOB's {@code tokenId}, §3.2);</li>
 *   <li>{@code polymarket.tickSize}: one of the CLOB's ticks ({@link VenueTicks#POLYMARKET});</li>
 *   <li>{@code maxQuantity}: whole contracts, as orders are sized;</li>
 *   <li>across pairs: an id, a Kalshi ticker, a condition id and a token id each in one pair only (two pairs
 *       on one market would double its per-pair limits).</li>
 * </ul>
 */
public final class PairsFile {
    private static final long DEFAULT_KALSHI_FEE_RATE = 70_000; // 0.07
    private static final long DEFAULT_TICK = 10_000; // 0.01
    private static final int MAX_ID_LENGTH = 64;
    private static final int MAX_TICKER_LENGTH = 128;
    private static final int MAX_DESCRIPTION_LENGTH = 500;
    /** 2^256 − 1 has 78 decimal digits. */
    private static final int MAX_UINT256_DIGITS = 78;

    private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);
    private static final Pattern PAIR_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_ID_LENGTH - 1) + "}");
    private static final Pattern KALSHI_TICKER =
            Pattern.compile("[A-Z0-9][A-Z0-9.-]{0," + (MAX_TICKER_LENGTH - 1) + "}");
    private static final Pattern CONDITION_ID = Pattern.compile("0x[0-9a-fA-F]{64}");
    private static final Pattern TOKEN_ID = Pattern.compile("(0|[1-9][0-9]{0," + (MAX_UINT256_DIGITS - 1) + "})");

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
     * The rules that span pairs: an id, a Kalshi ticker, a condition id and a token id each in one pair only.
     *
     * @throws PairsFileException naming the later pair, the field and the pair that has it already
     */
    public static void checkUnique(List<MarketPair> pairs) {
        Set<String> ids = new HashSet<>();
        Map<String, String> tickers = new HashMap<>();
        Map<String, String> conditions = new HashMap<>();
        Map<String, String> tokens = new HashMap<>();
        for (MarketPair pair : pairs) {
            if (!ids.add(pair.id())) {
                throw new PairsFileException(pair.id(), "id", "duplicate pair id");
            }
            once(tickers, pair.kalshiTicker(), pair, "kalshi.ticker", "Kalshi ticker");
            once(
                    conditions,
                    pair.conditionId().toLowerCase(Locale.ROOT),
                    pair,
                    "polymarket.conditionId",
                    "condition id");
            for (String[] token : new String[][] {
                {"polymarket.yesTokenId", pair.yesTokenId()}, {"polymarket.noTokenId", pair.noTokenId()}
            }) {
                String holder = tokens.putIfAbsent(token[1], pair.id());
                if (holder != null) {
                    throw new PairsFileException(
                            pair.id(),
                            token[0],
                            "token id " + token[1] + " is listed twice"
                                    + (holder.equals(pair.id()) ? "" : " (pair '" + holder + "' has it)"));
                }
            }
        }
    }

    private static void once(Map<String, String> seen, String key, MarketPair pair, String field, String what) {
        String holder = seen.putIfAbsent(key, pair.id());
        if (holder != null) {
            throw new PairsFileException(
                    pair.id(),
                    field,
                    what + " " + key + " is already traded by pair '" + holder
                            + "': two pairs on one market would double its per-pair limits");
        }
    }

    /** Validates one pair entry (also used by the HTTP API to add a pair). */
    public static MarketPair parsePair(Object entry, int index) {
        if (!(entry instanceof Map<?, ?> pair)) {
            throw new PairsFileException("#" + index, null, "must be an object");
        }
        Object rawId = pair.get("id");
        String label = "#" + index;
        if (!(rawId instanceof String id) || id.isEmpty()) {
            throw new PairsFileException(label, "id", rawId == null ? "is required" : "must be a non-empty string");
        }
        if (!PAIR_ID.matcher(id).matches()) {
            // the id is not repeated in the message: it may be a path, markup or control characters
            throw new PairsFileException(
                    label,
                    "id",
                    "must be 1 to " + MAX_ID_LENGTH + " characters of A-Z a-z 0-9 '.' '_' '-', starting with a"
                            + " letter or digit");
        }
        Fields fields = new Fields(id, pair);
        Fields kalshi = fields.object("kalshi");
        Fields poly = fields.object("polymarket");
        String polarity = fields.requiredString("polarity");
        Polarity parsedPolarity = switch (polarity) {
            case "same" -> Polarity.SAME;
            case "inverse" -> Polarity.INVERSE;
            default ->
                throw new PairsFileException(id, "polarity", "must be 'same' or 'inverse', got '" + polarity + "'");
        };
        String ticker = kalshi.matching(
                "ticker",
                KALSHI_TICKER,
                "must be a Kalshi market ticker: up to " + MAX_TICKER_LENGTH
                        + " upper-case letters, digits, '-' and '.', like KXFEDDECISION-26DEC-C25");
        String conditionId = poly.matching("conditionId", CONDITION_ID, "must be 0x and 64 hex digits (a bytes32)");
        String yes = poly.tokenId("yesTokenId");
        String no = poly.tokenId("noTokenId");
        if (yes.equals(no)) {
            throw new PairsFileException(id, "polymarket.noTokenId", "token id " + no + " is listed twice");
        }
        long tick = poly.decimal("tickSize", DEFAULT_TICK);
        if (!VenueTicks.isPolymarketTick(tick)) {
            throw new PairsFileException(
                    id,
                    "polymarket.tickSize",
                    "must be one of Polymarket's ticks 0.1, 0.01, 0.005, 0.0025, 0.001, 0.0001");
        }
        long maxQuantity = fields.decimal("maxQuantity", MarketPair.UNLIMITED);
        if (maxQuantity <= 0) {
            throw new PairsFileException(id, "maxQuantity", "must be positive");
        }
        if (maxQuantity != MarketPair.UNLIMITED && maxQuantity % FixedPoint.ONE != 0) {
            throw new PairsFileException(id, "maxQuantity", "must be a whole number of contracts");
        }
        return new MarketPair(
                id,
                fields.description("description"),
                ticker,
                kalshi.rate("takerFeeRate", DEFAULT_KALSHI_FEE_RATE),
                conditionId,
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
            return s;
        }

        /** A required identifier in its venue's alphabet, exactly as written (no trimming: a venue would not). */
        String matching(String name, Pattern shape, String rule) {
            String value = requiredString(name);
            if (!shape.matcher(value).matches()) {
                throw new PairsFileException(label, prefix + name, rule);
            }
            return value;
        }

        String tokenId(String name) {
            String value = matching(name, TOKEN_ID, "must be a token id: a decimal uint256 without leading zeros");
            if (new BigInteger(value).compareTo(UINT256_LIMIT) >= 0) {
                throw new PairsFileException(label, prefix + name, "is larger than a uint256");
            }
            return value;
        }

        /** Free text for people, shown on the dashboard: bounded, and no control or bidi-override characters. */
        String description(String name) {
            Object value = values.get(name);
            if (value == null) {
                return "";
            }
            if (!(value instanceof String s)) {
                throw new PairsFileException(label, prefix + name, "must be a string");
            }
            if (s.length() > MAX_DESCRIPTION_LENGTH) {
                throw new PairsFileException(
                        label, prefix + name, "is longer than " + MAX_DESCRIPTION_LENGTH + " characters");
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                    throw new PairsFileException(
                            label,
                            prefix + name,
                            "contains a control or formatting character (U+" + String.format("%04X", (int) c) + ")");
                }
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
                        ? new BigDecimal(n.toString()).toPlainString()
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
