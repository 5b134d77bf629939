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

    /** The Polymarket token that pays when Kalshi's {@code kalshiOutcome} pays. */
    public String polymarketTokenPayingWith(Outcome kalshiOutcome) {
        return polymarketOutcomePayingWith(kalshiOutcome) == Outcome.YES ? yesTokenId : noTokenId;
    }

    public Outcome polymarketOutcomePayingWith(Outcome kalshiOutcome) {
        return polarity == Polarity.SAME ? kalshiOutcome : kalshiOutcome.opposite();
    }
}
