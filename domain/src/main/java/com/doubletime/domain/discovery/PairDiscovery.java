package com.doubletime.domain.discovery;

import com.doubletime.domain.Polarity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ranks candidate pairs across the two venues' catalogues. The score is
 * {@code 0.5 · title similarity + 0.25 · date agreement + 0.25 · threshold agreement}:
 * <ul>
 *   <li>titles: Jaccard overlap of their words, without stop words, numbers and direction words;</li>
 *   <li>dates: 1 on the same close day, 0.5 a day apart; further apart is a different market (vetoed);</li>
 *   <li>thresholds: the numbers in the titles ({@code $150k}, {@code 150,000}, {@code 2%}, {@code 2.0}) must be the
 *       same set, years aside; a different strike is a different market however alike the words (vetoed).</li>
 * </ul>
 * Vetoes exist because the costly mistake is a near-miss proposed as equal: Bitcoin above $150k and above
 * $160k on the same day share every word. Polarity is guessed from direction words: one title asking
 * "above" and the other "below" is {@code inverse}. Pure and deterministic.
 */
public final class PairDiscovery {
    /** Scores are shown to three decimals. */
    private static final double SCORE_ROUNDING = 1000.0;

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000);
    /** Whole numbers in this range in a title are years, not strikes. */
    private static final BigDecimal FIRST_YEAR = BigDecimal.valueOf(1900);

    private static final BigDecimal LAST_YEAR = BigDecimal.valueOf(2100);

    /** Below this a candidate is noise: shared topic words without the same subject, date and strike. */
    public static final double DEFAULT_MIN_SCORE = 0.7;

    static final double TITLE_WEIGHT = 0.5;
    static final double DATE_WEIGHT = 0.25;
    static final double THRESHOLD_WEIGHT = 0.25;

    private static final Set<String> STOP_WORDS = Set.of(
            "the", "a", "an", "of", "on", "in", "at", "by", "be", "will", "to", "for", "is", "than", "or", "and",
            "with", "its", "this", "end", "before", "after", "during", "what", "price", "close", "closes", "market",
            "bps", "bp", "basis", "point", "points");
    private static final Set<String> UP_WORDS = Set.of(
            "above", "over", "exceed", "exceeds", "higher", "more", "least", "reach", "reaches", "hit", "hits", "rise",
            "rises", "up");
    private static final Set<String> DOWN_WORDS = Set.of(
            "below", "under", "lower", "less", "most", "fall", "falls", "drop", "drops", "down", "not", "no", "fail",
            "fails");
    private static final Set<String> MONTHS = Set.of(
            "jan",
            "january",
            "feb",
            "february",
            "mar",
            "march",
            "apr",
            "april",
            "may",
            "jun",
            "june",
            "jul",
            "july",
            "aug",
            "august",
            "sep",
            "sept",
            "september",
            "oct",
            "october",
            "nov",
            "november",
            "dec",
            "december",
            "q1",
            "q2",
            "q3",
            "q4");
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![A-Za-z0-9.])\\$?(\\d[\\d,]*(?:\\.\\d+)?)\\s*(bps|k|m|b|%)?(?![A-Za-z0-9])", Pattern.CASE_INSENSITIVE);

    private PairDiscovery() {}

    /** Every Kalshi × Polymarket combination scoring at least {@code minScore} and not vetoed, best first. */
    public static List<PairCandidate> rank(
            List<MarketListing> kalshi, List<MarketListing> polymarket, double minScore) {
        List<PairCandidate> candidates = new ArrayList<>();
        for (MarketListing k : kalshi) {
            for (MarketListing p : polymarket) {
                PairCandidate candidate = compare(k, p);
                if (candidate != null && candidate.score() >= minScore) {
                    candidates.add(candidate);
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(PairCandidate::score)
                .reversed()
                .thenComparing(c -> c.kalshi().id())
                .thenComparing(c -> c.polymarket().id()));
        return candidates;
    }

    /** The candidate for these two markets, or null when a date or threshold says they differ. */
    public static PairCandidate compare(MarketListing kalshi, MarketListing polymarket) {
        List<String> reasons = new ArrayList<>();
        Set<BigDecimal> kThresholds = thresholds(kalshi.title());
        Set<BigDecimal> pThresholds = thresholds(polymarket.title());
        double threshold;
        if (kThresholds.isEmpty() && pThresholds.isEmpty()) {
            threshold = 0.5;
            reasons.add("no threshold in either title");
        } else if (kThresholds.equals(pThresholds)) {
            threshold = 1;
            reasons.add("same threshold " + plain(kThresholds));
        } else if (kThresholds.isEmpty() || pThresholds.isEmpty()) {
            threshold = 0;
            reasons.add("threshold only on one side: " + plain(kThresholds) + " vs " + plain(pThresholds));
        } else {
            return null; // a different strike is a different market
        }
        double date;
        if (kalshi.closes() == null || polymarket.closes() == null) {
            date = 0.5;
            reasons.add("a close date is unknown");
        } else {
            long days = Math.abs(ChronoUnit.DAYS.between(kalshi.closes(), polymarket.closes()));
            if (days > 1) {
                return null;
            }
            date = days == 0 ? 1 : 0.5;
            reasons.add(
                    days == 0
                            ? "both close on " + kalshi.closes()
                            : "close dates a day apart (" + kalshi.closes() + " / " + polymarket.closes() + ")");
        }
        Set<String> kWords = words(kalshi.title());
        Set<String> pWords = words(polymarket.title());
        Set<String> common = new HashSet<>(kWords);
        common.retainAll(pWords);
        Set<String> union = new HashSet<>(kWords);
        union.addAll(pWords);
        double title = union.isEmpty() ? 0 : (double) common.size() / union.size();
        reasons.add(String.format(
                Locale.ROOT, "title words in common %d of %d: %s", common.size(), union.size(), new TreeSet<>(common)));
        int kDirection = direction(kalshi.title());
        int pDirection = direction(polymarket.title());
        Polarity polarity =
                kDirection != 0 && pDirection != 0 && kDirection != pDirection ? Polarity.INVERSE : Polarity.SAME;
        reasons.add(
                polarity == Polarity.INVERSE
                        ? "opposite directions (" + word(kDirection) + " / " + word(pDirection) + "): inverse"
                        : "same direction: same");
        double score = TITLE_WEIGHT * title + DATE_WEIGHT * date + THRESHOLD_WEIGHT * threshold;
        return new PairCandidate(
                kalshi, polymarket, Math.round(score * SCORE_ROUNDING) / SCORE_ROUNDING, polarity, reasons);
    }

    /** Numbers that can be strikes: $150k → 150000, 2% → 2, 2.0 → 2; years (1900–2100 whole) are dates, not strikes. */
    static Set<BigDecimal> thresholds(String title) {
        Set<BigDecimal> out = new TreeSet<>();
        Matcher m = NUMBER.matcher(title);
        while (m.find()) {
            BigDecimal value = new BigDecimal(m.group(1).replace(",", ""));
            String suffix = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
            value = switch (suffix) {
                case "k" -> value.multiply(THOUSAND);
                case "m" -> value.multiply(MILLION);
                case "b" -> value.multiply(BILLION);
                default -> value;
            };
            boolean year = suffix.isEmpty()
                    && !m.group(0).startsWith("$")
                    && value.scale() <= 0
                    && value.compareTo(FIRST_YEAR) >= 0
                    && value.compareTo(LAST_YEAR) <= 0;
            boolean dayOfMonth = suffix.isEmpty()
                    && !m.group(0).startsWith("$")
                    && value.scale() <= 0
                    && value.compareTo(BigDecimal.valueOf(31)) <= 0
                    && followsMonth(title, m.start());
            if (!year && !dayOfMonth) {
                BigDecimal canonical = value.stripTrailingZeros();
                out.add(canonical.scale() < 0 ? canonical.setScale(0) : canonical);
            }
        }
        return out;
    }

    private static boolean followsMonth(String title, int at) {
        String before = title.substring(0, at).toLowerCase(Locale.ROOT).trim();
        int space = before.lastIndexOf(' ');
        return MONTHS.contains(before.substring(space + 1).replaceAll("[^a-z0-9]", ""));
    }

    static Set<String> words(String title) {
        Set<String> out = new HashSet<>();
        for (String word : title.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (word.isEmpty()
                    || STOP_WORDS.contains(word)
                    || UP_WORDS.contains(word)
                    || DOWN_WORDS.contains(word)
                    || word.chars().anyMatch(Character::isDigit)) {
                continue;
            }
            if (MONTHS.contains(word) && !word.startsWith("q")) {
                out.add(word.substring(0, 3)); // "Dec" and "December" are one word
            } else {
                out.add(word.endsWith("s") && word.length() > 3 ? word.substring(0, word.length() - 1) : word);
            }
        }
        return out;
    }

    /** +1 when the question asks "above", −1 "below", 0 when it does not say. */
    static int direction(String title) {
        int direction = 0;
        for (String word : title.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (UP_WORDS.contains(word)) {
                direction = direction == -1 ? 0 : 1;
            } else if (DOWN_WORDS.contains(word)) {
                direction = direction == 1 ? 0 : -1;
            }
        }
        return direction;
    }

    private static String word(int direction) {
        return direction > 0 ? "up" : "down";
    }

    private static String plain(Set<BigDecimal> values) {
        return values.stream().map(BigDecimal::toPlainString).toList().toString();
    }

    /** For callers that build listings from a venue's date-time strings. */
    public static LocalDate day(String isoDateTime) {
        return isoDateTime == null || isoDateTime.isBlank() ? null : LocalDate.parse(isoDateTime.substring(0, 10));
    }
}
