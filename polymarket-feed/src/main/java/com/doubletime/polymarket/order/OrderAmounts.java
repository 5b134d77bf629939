package com.doubletime.polymarket.order;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * makerAmount/takerAmount as 6-decimal integers, with the official SDK's rounding per tick size
 * (polymarket.md §5.4). All arithmetic is exact {@link BigDecimal}; the SDKs use binary floats and then
 * check decimal places on the string form, which this reproduces without the float error.
 *
 * @param makerAmount what is given (pUSD for BUY, shares for SELL), in millionths
 * @param takerAmount the minimum received (shares for BUY, pUSD for SELL), in millionths
 */
public record OrderAmounts(long makerAmount, long takerAmount) {
    /** Server cap for market (FOK/FAK) orders: maker ≤ 2 decimals, taker ≤ 4, whatever the tick (§5.4). */
    static final int MARKET_MAKER_DECIMALS = 2;

    static final int MARKET_TAKER_DECIMALS = 4;
    private static final int SIX = 6;

    /** Decimal places of price, size and amount for one tick size (CCv2 {@code roundingConfig}). */
    public record RoundingConfig(BigDecimal tick, int price, int size, int amount) {
        public static RoundingConfig forTick(BigDecimal tick) {
            return switch (tick.stripTrailingZeros().toPlainString()) {
                case "0.1" -> new RoundingConfig(tick, 1, 2, 3);
                case "0.01" -> new RoundingConfig(tick, 2, 2, 4);
                case "0.005" -> new RoundingConfig(tick, 3, 2, 5);
                case "0.0025" -> new RoundingConfig(tick, 4, 2, 6);
                case "0.001" -> new RoundingConfig(tick, 3, 2, 5);
                case "0.0001" -> new RoundingConfig(tick, 4, 2, 6);
                default ->
                    throw new IllegalArgumentException("unknown Polymarket tick size " + tick.toPlainString()
                            + " (known: 0.1, 0.01, 0.005, 0.0025, 0.001, 0.0001)");
            };
        }
    }

    /** Limit (GTC/GTD) amounts: the SDK's {@code getOrderRawAmounts}. */
    public static OrderAmounts limit(ClobSide side, BigDecimal price, BigDecimal size, BigDecimal tick) {
        RoundingConfig rc = RoundingConfig.forTick(tick);
        BigDecimal p = price.setScale(rc.price(), RoundingMode.HALF_UP);
        BigDecimal shares = size.setScale(rc.size(), RoundingMode.DOWN);
        BigDecimal usdc = fitDecimals(shares.multiply(p), rc.amount());
        return side == ClobSide.BUY ? of(usdc, shares) : of(shares, usdc);
    }

    /**
     * Market (FOK/FAK) amounts exactly as the SDK's {@code getMarketOrderRawAmounts}: BUY {@code amount} is
     * pUSD to spend, SELL {@code amount} is shares; the price is rounded down.
     */
    public static OrderAmounts market(ClobSide side, BigDecimal price, BigDecimal amount, BigDecimal tick) {
        RoundingConfig rc = RoundingConfig.forTick(tick);
        return marketAmounts(side, price.setScale(rc.price(), RoundingMode.DOWN), amount, rc.amount());
    }

    /**
     * Amounts for an arbitrage leg, FOK or FAK: {@code quantity} shares at {@code limitPrice} or better,
     * within the server's market-order precision (maker ≤ 2 decimals, taker ≤ 4 — the SDK's own rounding is
     * rejected on fine ticks, §5.4). A BUY never spends more than {@code quantity × limitPrice}; on ticks finer
     * than 0.01 that can buy up to 0.01/price fewer shares than asked (the fill reports what was bought).
     *
     * @throws IllegalArgumentException when the price is off the tick or outside {@code [tick, 1 − tick]}
     */
    public static OrderAmounts forLeg(ClobSide side, BigDecimal limitPrice, BigDecimal quantity, BigDecimal tick) {
        RoundingConfig rc = RoundingConfig.forTick(tick);
        checkPrice(limitPrice, tick);
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive, got " + quantity.toPlainString());
        }
        BigDecimal amount = side == ClobSide.BUY ? quantity.multiply(limitPrice) : quantity;
        return marketAmounts(side, limitPrice, amount, Math.min(rc.amount(), MARKET_TAKER_DECIMALS));
    }

    /** {@code tick ≤ price ≤ 1 − tick} and a whole number of ticks (CCv2 {@code priceValid}). */
    public static void checkPrice(BigDecimal price, BigDecimal tick) {
        if (price.compareTo(tick) < 0 || price.compareTo(BigDecimal.ONE.subtract(tick)) > 0) {
            throw new IllegalArgumentException("price " + price.toPlainString() + " outside [" + tick.toPlainString()
                    + ", " + BigDecimal.ONE.subtract(tick).toPlainString() + "]");
        }
        if (price.remainder(tick).signum() != 0) {
            throw new IllegalArgumentException(
                    "price " + price.toPlainString() + " breaks the tick size " + tick.toPlainString());
        }
    }

    private static OrderAmounts marketAmounts(ClobSide side, BigDecimal p, BigDecimal amount, int takerDecimals) {
        if (p.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive");
        }
        BigDecimal maker = amount.setScale(MARKET_MAKER_DECIMALS, RoundingMode.DOWN);
        BigDecimal taker =
                side == ClobSide.BUY ? maker.divide(p, takerDecimals + 4, RoundingMode.UP) : maker.multiply(p);
        return of(maker, fitDecimals(taker, takerDecimals));
    }

    /**
     * The SDK's two-step rounding: at most {@code decimals} places, via round-up at {@code decimals + 4}
     * (which only matters for float noise) and then round-down.
     */
    static BigDecimal fitDecimals(BigDecimal value, int decimals) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() <= decimals) {
            return v;
        }
        v = v.setScale(decimals + 4, RoundingMode.UP).stripTrailingZeros();
        return v.scale() <= decimals ? v : v.setScale(decimals, RoundingMode.DOWN);
    }

    private static OrderAmounts of(BigDecimal maker, BigDecimal taker) {
        return new OrderAmounts(micros(maker), micros(taker));
    }

    private static long micros(BigDecimal value) {
        return value.setScale(SIX, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }
}
