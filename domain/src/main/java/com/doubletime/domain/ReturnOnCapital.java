package com.doubletime.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * The return-on-capital fields of an opportunity (contracts §7), known only when both markets' expected resolution
 * times are: {@code resolvesAt} is the later of the two; {@code daysToResolution} = (resolvesAt − detection) in
 * days, rounded down to 0.0001; {@code annualizedReturn} = (edge / totalCost) × 365 / max(daysToResolution, 1),
 * rounded down to 0.000001. Exact decimal arithmetic throughout.
 *
 * @param resolvesAtMillis epoch milliseconds of the later expected resolution
 */
public record ReturnOnCapital(long resolvesAtMillis, BigDecimal daysToResolution, BigDecimal annualizedReturn) {

    static final int DAYS_DECIMALS = 4;
    static final int RETURN_DECIMALS = 6;
    private static final BigDecimal NANOS_PER_DAY = BigDecimal.valueOf(86_400_000_000_000L);
    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);
    private static final long NANOS_PER_MILLI = 1_000_000L;

    /**
     * @param kalshiResolvesAtMillis     the Kalshi market's expected resolution, epoch ms
     * @param polymarketResolvesAtMillis the Polymarket market's, epoch ms
     * @param detectedAtNanos            when the opportunity was detected, epoch ns
     */
    public static ReturnOnCapital of(
            BigDecimal edge,
            BigDecimal totalCost,
            long kalshiResolvesAtMillis,
            long polymarketResolvesAtMillis,
            long detectedAtNanos) {
        if (totalCost.signum() <= 0) {
            throw new IllegalArgumentException("totalCost must be positive, got " + totalCost.toPlainString());
        }
        long resolvesAt = Math.max(kalshiResolvesAtMillis, polymarketResolvesAtMillis);
        BigDecimal nanos = BigDecimal.valueOf(resolvesAt)
                .multiply(BigDecimal.valueOf(NANOS_PER_MILLI))
                .subtract(BigDecimal.valueOf(detectedAtNanos));
        BigDecimal days = nanos.divide(NANOS_PER_DAY, DAYS_DECIMALS, RoundingMode.FLOOR);
        BigDecimal atLeastOneDay = days.max(BigDecimal.ONE);
        BigDecimal annualized = edge.multiply(DAYS_PER_YEAR)
                .divide(totalCost.multiply(atLeastOneDay), RETURN_DECIMALS, RoundingMode.FLOOR);
        return new ReturnOnCapital(resolvesAt, days, annualized);
    }

    /** {@code resolvesAt} as contracts §7 writes it: ISO-8601 UTC. */
    public String resolvesAtIso() {
        return Instant.ofEpochMilli(resolvesAtMillis).toString();
    }

    /** At least {@code minimum} a year ({@code minAnnualizedReturn}, phase 2's risk limit). */
    public boolean meets(BigDecimal minimum) {
        return annualizedReturn.compareTo(minimum) >= 0;
    }
}
