package com.doubletime.domain.trade;

import com.doubletime.domain.market.MarketStatus;
import com.doubletime.domain.settlement.DivergenceKind;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * {@code RESOLUTION_DIVERGENCE}: a held pair's two markets did not pay $1 per hedged pair (both legs lose, both win,
 * a void or scalar payout), or one leg's market settled while the other still trades. Journaled once per pair and
 * kind, published on the bus, streamed, logged at ERROR and counted: a trader must look at it.
 *
 * @param moneyAtStake how far the hedged pairs' payout falls short of (or exceeds) $1 each; for
 *     {@link DivergenceKind#LEG_SETTLED_OTHER_OPEN} what the open leg must still pay
 * @param message the whole story in one line, for logs and banners
 * @param atNanos when it was found, epoch nanos
 */
public record ResolutionDivergence(
        String pairId,
        DivergenceKind kind,
        VenueResult kalshi,
        VenueResult polymarket,
        BigDecimal moneyAtStake,
        String message,
        long atNanos)
        implements JournalEntry {

    /** The alert kind in the journal and on the streams. */
    public static final String KIND = "RESOLUTION_DIVERGENCE";

    /**
     * One venue's market as it was when the divergence was found.
     *
     * @param result the venue's word for the result, or null while unresolved
     * @param yesPayout FixedPoint dollars one YES contract pays, or -1 while unresolved
     */
    public record VenueResult(String market, MarketStatus status, String result, long yesPayout) {
        public VenueResult {
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(status, "status");
        }
    }

    public ResolutionDivergence {
        Objects.requireNonNull(pairId, "pairId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kalshi, "kalshi");
        Objects.requireNonNull(polymarket, "polymarket");
        Objects.requireNonNull(moneyAtStake, "moneyAtStake");
        Objects.requireNonNull(message, "message");
    }

    /** Once per pair, kind and pair of markets. */
    public String eventId() {
        return "divergence:" + pairId + ":" + kind.name() + ":" + kalshi.market() + ":" + polymarket.market();
    }
}
