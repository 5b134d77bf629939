package com.doubletime.polymarket.redeem;

/**
 * Which contract redeems resolved positions, and how it is called.
 *
 * <ul>
 *   <li>{@link #COLLATERAL_ADAPTER} (default): Polymarket's pUSD collateral adapters, {@code CtfCollateralAdapter}
 *       for standard markets and {@code NegRiskCtfCollateralAdapter} for neg-risk ones, called like the CTF:
 *       {@code redeemPositions(address,bytes32,bytes32,uint256[])} with index sets [1, 2]; they pay pUSD. Official
 *       docs say redemption goes through "thin collateral adapter contracts"; the addresses come from third-party
 *       sources (see the module README).</li>
 *   <li>{@link #LEGACY}: the Conditional Tokens contract itself with USDC.e as collateral (standard markets), or the
 *       NegRiskAdapter's {@code redeemPositions(bytes32,uint256[] amounts)} (neg-risk); they pay USDC.e.</li>
 * </ul>
 */
public enum RedeemRoute {
    COLLATERAL_ADAPTER,
    LEGACY
}
