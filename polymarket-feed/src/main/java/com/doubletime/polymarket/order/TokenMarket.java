package com.doubletime.polymarket.order;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What signing an order for one outcome token needs to know about its market.
 *
 * @param gammaVersion Gamma {@code version}: {@code "v1"} (CLOB V2 exchanges) or {@code "v2"} (ExchangeV3)
 */
public record TokenMarket(
        String tokenId,
        String conditionId,
        BigDecimal tickSize,
        BigDecimal minOrderSize,
        boolean negRisk,
        String gammaVersion) {
    public TokenMarket {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(minOrderSize, "minOrderSize");
        OrderAmounts.RoundingConfig.forTick(tickSize);
        gammaVersion = gammaVersion == null ? "v1" : gammaVersion;
    }

    public PolymarketExchange exchange() {
        return PolymarketExchange.forMarket(gammaVersion, negRisk);
    }

    public TokenMarket withTickSize(BigDecimal tick) {
        return new TokenMarket(tokenId, conditionId, tick, minOrderSize, negRisk, gammaVersion);
    }
}
