package com.doubletime.domain.market;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Outcome;
import java.util.Objects;

/**
 * How a market resolved, as what one contract of each outcome pays: {@code yesPayout} dollars per YES contract
 * (fixed-point, 0..1) and {@code 1 − yesPayout} per NO contract. A clean YES is {@code 1}, a clean NO {@code 0};
 * a Kalshi scalar or void settlement value such as {@code 0.5000}, or a Polymarket 50/50 resolution, lies between.
 *
 * @param yesPayout dollars one YES contract pays, {@link FixedPoint} millionths, within [0, 1]
 * @param result    the venue's own word for it (Kalshi {@code result}, Polymarket {@code winning_outcome}), for
 *                  alerts and logs
 */
public record Resolution(long yesPayout, String result) {

    public static final Resolution YES = new Resolution(FixedPoint.ONE, "yes");
    public static final Resolution NO = new Resolution(0, "no");

    public Resolution {
        if (yesPayout < 0 || yesPayout > FixedPoint.ONE) {
            throw new IllegalArgumentException(
                    "a YES payout must lie within 0..1, got " + FixedPoint.format(yesPayout, 4));
        }
        Objects.requireNonNull(result, "result");
    }

    /** What one contract of {@code outcome} pays, fixed-point dollars. */
    public long payout(Outcome outcome) {
        return outcome == Outcome.YES ? yesPayout : FixedPoint.ONE - yesPayout;
    }

    /** A clean YES or NO: one side pays the whole dollar. */
    public boolean isBinary() {
        return yesPayout == 0 || yesPayout == FixedPoint.ONE;
    }

    /** The winning outcome of a binary resolution, or null for a split one. */
    public Outcome winner() {
        return yesPayout == FixedPoint.ONE ? Outcome.YES : yesPayout == 0 ? Outcome.NO : null;
    }
}
