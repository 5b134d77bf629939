package com.doubletime.domain.settlement;

import com.doubletime.domain.market.MarketView;
import java.math.BigDecimal;

/** What {@link Settlement#evaluate} says about a held position. */
public sealed interface SettlementVerdict {

    /** Nothing to do yet; {@code reason} says what is awaited. */
    record Pending(String reason) implements SettlementVerdict {}

    /**
     * Both markets settled and every hedged pair paid exactly $1: positions go to zero, capital is released.
     *
     * @param kalshiPayout     what the Kalshi contracts paid
     * @param polymarketPayout what the Polymarket tokens pay on redemption
     * @param realizedPnl      payouts − cost − fees, exact
     */
    record Settled(BigDecimal kalshiPayout, BigDecimal polymarketPayout, BigDecimal realizedPnl)
            implements SettlementVerdict {}

    /**
     * {@code RESOLUTION_DIVERGENCE}: the two resolutions do not pay $1 per hedged pair, or one leg settled while
     * the other market is still open.
     *
     * @param moneyAtStake     how far the payout falls short of (or exceeds) $1 per hedged pair; for
     *                         {@link DivergenceKind#LEG_SETTLED_OTHER_OPEN}, what the open leg must still pay
     * @param kalshi           the Kalshi market as last known
     * @param polymarket       the Polymarket market as last known
     * @param kalshiPayout     what the Kalshi leg pays, or null while its market is unresolved
     * @param polymarketPayout what the Polymarket leg pays, or null while unresolved
     * @param realizedPnl      payouts − cost − fees once both markets settled, else null
     */
    record Diverged(
            DivergenceKind kind,
            BigDecimal moneyAtStake,
            MarketView kalshi,
            MarketView polymarket,
            BigDecimal kalshiPayout,
            BigDecimal polymarketPayout,
            BigDecimal realizedPnl,
            String description)
            implements SettlementVerdict {}
}
