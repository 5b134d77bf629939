package com.doubletime.domain;

/**
 * One Kalshi market matched with one Polymarket market (contracts §1). Rates, sizes and prices are
 * fixed-point ({@link FixedPoint}); {@code maxQuantity} is {@link Long#MAX_VALUE} when unlimited.
 */
public record MarketPair(
        String id,
        String description,
        String kalshiTicker,
        long kalshiTakerFeeRate,
        String conditionId,
        String yesTokenId,
        String noTokenId,
        long polymarketTakerFeeRate,
        long tickSize,
        long minOrderSize,
        boolean negRisk,
        Polarity polarity,
        long minEdge,
        long maxQuantity) {

    public static final long UNLIMITED = Long.MAX_VALUE;

    /**
     * Instrument ids are the JVM's canonical instances, as the feeds' parsers hand them out ({@link NameTable}),
     * so the books' and pairs' maps find them by identity instead of comparing 77-digit token ids.
     */
    public MarketPair {
        kalshiTicker = kalshiTicker == null ? null : kalshiTicker.intern();
        yesTokenId = yesTokenId == null ? null : yesTokenId.intern();
        noTokenId = noTokenId == null ? null : noTokenId.intern();
    }

    /** The Polymarket token that pays when Kalshi's {@code kalshiOutcome} pays. */
    public String polymarketTokenPayingWith(Outcome kalshiOutcome) {
        return polymarketOutcomePayingWith(kalshiOutcome) == Outcome.YES ? yesTokenId : noTokenId;
    }

    public Outcome polymarketOutcomePayingWith(Outcome kalshiOutcome) {
        return polarity == Polarity.SAME ? kalshiOutcome : kalshiOutcome.opposite();
    }
}
