package com.doubletime.polymarket.order;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-token market parameters for order building. Thread-safe: the feed updates tick sizes
 * ({@code tick_size_change}) while the gateway reads them.
 */
public final class PolymarketMarketCatalog {
    private final ConcurrentHashMap<String, TokenMarket> byToken = new ConcurrentHashMap<>();

    /** Both tokens of every pair (pairs validated against Gamma carry its tick, size, negRisk). */
    public static PolymarketMarketCatalog of(Collection<MarketPair> pairs) {
        PolymarketMarketCatalog catalog = new PolymarketMarketCatalog();
        for (MarketPair pair : pairs) {
            for (String token : new String[] {pair.yesTokenId(), pair.noTokenId()}) {
                catalog.put(new TokenMarket(
                        token,
                        pair.conditionId(),
                        FixedPoint.toBigDecimal(pair.tickSize()).stripTrailingZeros(),
                        FixedPoint.toBigDecimal(pair.minOrderSize()),
                        pair.negRisk(),
                        "v1"));
            }
        }
        return catalog;
    }

    public void put(TokenMarket market) {
        byToken.put(market.tokenId(), market);
    }

    public Optional<TokenMarket> find(String tokenId) {
        return Optional.ofNullable(byToken.get(tokenId));
    }

    /** After a {@code tick_size_change} or a tick-size rejection; unknown ticks are refused, not stored. */
    public void updateTickSize(String tokenId, BigDecimal tick) {
        OrderAmounts.RoundingConfig.forTick(tick);
        byToken.computeIfPresent(tokenId, (id, market) -> market.withTickSize(tick.stripTrailingZeros()));
    }
}
