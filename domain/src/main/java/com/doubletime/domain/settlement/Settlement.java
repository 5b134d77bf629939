package com.doubletime.domain.settlement;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Platform;
import com.doubletime.domain.market.MarketStatus;
import com.doubletime.domain.market.MarketView;
import com.doubletime.domain.market.Resolution;
import java.math.BigDecimal;

/**
 * The settlement rules of a held buy-both position, as pure functions. A hedged pair is one contract on each venue
 * of outcomes that pay in opposite cases, so exactly one of them pays $1:
 * <ul>
 *   <li>the position settles when both markets have {@link MarketStatus#SETTLED} and every hedged pair paid $1:
 *       payouts = Σ quantity × payout per contract, realized P&amp;L = payouts − cost − fees, exact;</li>
 *   <li>it diverges ({@code RESOLUTION_DIVERGENCE}) as soon as both results are known and a hedged pair pays
 *       other than $1 (both legs lose, both win, a settlement value other than 0/1), or when one leg's market
 *       settled while the other is still open;</li>
 *   <li>otherwise it is pending.</li>
 * </ul>
 * Contracts held beyond the hedged quantity on one venue simply pay what their market pays.
 */
public final class Settlement {
    private Settlement() {}

    public static SettlementVerdict evaluate(HeldPosition position, MarketView kalshi, MarketView polymarket) {
        check(kalshi, Platform.KALSHI);
        check(polymarket, Platform.POLYMARKET);
        Resolution k = kalshi.resolution();
        Resolution p = polymarket.resolution();
        BigDecimal hedged = FixedPoint.toBigDecimal(position.hedged());
        if (k == null || p == null) {
            return oneSided(position, kalshi, polymarket, hedged);
        }
        long perPair = k.payout(position.kalshiOutcome()) + p.payout(position.polymarketOutcome());
        BigDecimal kalshiPayout = payout(position.kalshiQuantity(), k.payout(position.kalshiOutcome()));
        BigDecimal polymarketPayout = payout(position.polymarketQuantity(), p.payout(position.polymarketOutcome()));
        boolean bothSettled = kalshi.status() == MarketStatus.SETTLED && polymarket.status() == MarketStatus.SETTLED;
        BigDecimal pnl = bothSettled ? realizedPnl(position, kalshiPayout, polymarketPayout) : null;
        if (perPair != FixedPoint.ONE && position.hedged() > 0) {
            DivergenceKind kind = !k.isBinary() || !p.isBinary()
                    ? DivergenceKind.PARTIAL_PAYOUT
                    : perPair == 0 ? DivergenceKind.BOTH_LEGS_LOSE : DivergenceKind.BOTH_LEGS_WIN;
            BigDecimal atStake = hedged.multiply(FixedPoint.toBigDecimal(Math.abs(FixedPoint.ONE - perPair)));
            String text = position.pairId() + ": Kalshi resolved " + k.result() + " ("
                    + FixedPoint.format(k.yesPayout(), 4) + " per YES), Polymarket resolved " + p.result() + " ("
                    + FixedPoint.format(p.yesPayout(), 4) + " per YES): a hedged pair pays "
                    + FixedPoint.format(perPair, 4) + " instead of 1.0000, "
                    + atStake.stripTrailingZeros().toPlainString()
                    + " at stake";
            return new SettlementVerdict.Diverged(
                    kind, atStake, kalshi, polymarket, kalshiPayout, polymarketPayout, pnl, text);
        }
        if (!bothSettled) {
            return new SettlementVerdict.Pending(
                    "results agree; awaiting payout (Kalshi " + kalshi.status().wireName() + ", Polymarket "
                            + polymarket.status().wireName() + ")");
        }
        return new SettlementVerdict.Settled(kalshiPayout, polymarketPayout, pnl);
    }

    /** At most one result known: pending, unless one leg settled and the other market still trades. */
    private static SettlementVerdict oneSided(
            HeldPosition position, MarketView kalshi, MarketView polymarket, BigDecimal hedged) {
        boolean kalshiSettledAlone = kalshi.status() == MarketStatus.SETTLED
                && kalshi.resolution() != null
                && polymarket.status() == MarketStatus.OPEN;
        boolean polymarketSettledAlone = polymarket.status() == MarketStatus.SETTLED
                && polymarket.resolution() != null
                && kalshi.status() == MarketStatus.OPEN;
        if (position.hedged() > 0 && (kalshiSettledAlone || polymarketSettledAlone)) {
            long settledPays = kalshiSettledAlone
                    ? kalshi.resolution().payout(position.kalshiOutcome())
                    : polymarket.resolution().payout(position.polymarketOutcome());
            BigDecimal atStake = hedged.multiply(FixedPoint.toBigDecimal(FixedPoint.ONE - settledPays));
            BigDecimal kalshiPayout = kalshiSettledAlone ? payout(position.kalshiQuantity(), settledPays) : null;
            BigDecimal polymarketPayout =
                    polymarketSettledAlone ? payout(position.polymarketQuantity(), settledPays) : null;
            MarketView settled = kalshiSettledAlone ? kalshi : polymarket;
            MarketView open = kalshiSettledAlone ? polymarket : kalshi;
            String text = position.pairId() + ": " + settled.platform() + " " + settled.market() + " settled "
                    + settled.resolution().result() + " while " + open.platform() + " " + open.market()
                    + " is still open; the open leg must pay "
                    + atStake.stripTrailingZeros().toPlainString();
            return new SettlementVerdict.Diverged(
                    DivergenceKind.LEG_SETTLED_OTHER_OPEN,
                    atStake,
                    kalshi,
                    polymarket,
                    kalshiPayout,
                    polymarketPayout,
                    null,
                    text);
        }
        return new SettlementVerdict.Pending(
                "awaiting results (Kalshi " + kalshi.status().wireName() + ", Polymarket "
                        + polymarket.status().wireName() + ")");
    }

    /** Payouts − cost − fees, exact. */
    public static BigDecimal realizedPnl(HeldPosition position, BigDecimal kalshiPayout, BigDecimal polymarketPayout) {
        return kalshiPayout.add(polymarketPayout).subtract(position.cost()).subtract(position.fees());
    }

    /** {@code quantity} contracts (fixed-point) at {@code perContract} dollars (fixed-point), exact. */
    public static BigDecimal payout(long quantity, long perContract) {
        return FixedPoint.toBigDecimal(quantity).multiply(FixedPoint.toBigDecimal(perContract));
    }

    private static void check(MarketView view, Platform expected) {
        if (view.platform() != expected) {
            throw new IllegalArgumentException("expected a " + expected + " market, got " + view.platform());
        }
    }
}
