package com.doubletime.simulator;

import java.util.Objects;

/**
 * One market listed on both venues.
 *
 * @param kalshiTicker the Kalshi market ticker
 * @param conditionId  the Polymarket condition id
 * @param yesTokenId   the Polymarket token that pays when the Polymarket question resolves YES
 * @param noTokenId    the Polymarket token that pays when it resolves NO
 * @param inverse      true when Kalshi YES pays exactly when Polymarket NO pays
 */
public record SimulatedMarket(
        String kalshiTicker, String conditionId, String yesTokenId, String noTokenId, boolean inverse) {

    public SimulatedMarket {
        Objects.requireNonNull(kalshiTicker, "kalshiTicker");
        Objects.requireNonNull(conditionId, "conditionId");
        Objects.requireNonNull(yesTokenId, "yesTokenId");
        Objects.requireNonNull(noTokenId, "noTokenId");
        if (yesTokenId.equals(noTokenId)) {
            throw new IllegalArgumentException("market " + kalshiTicker + ": yes and no token ids are equal");
        }
    }

    /** The Polymarket token that pays when Kalshi YES pays. */
    String tokenPayingWithKalshiYes() {
        return inverse ? noTokenId : yesTokenId;
    }

    /** The Polymarket token that pays when Kalshi NO pays. */
    String tokenPayingWithKalshiNo() {
        return inverse ? yesTokenId : noTokenId;
    }
}
