package com.doubletime.polymarket.redeem;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/**
 * The contract call that redeems one resolved market's positions: target address and ABI-encoded calldata.
 * Addresses are Polygon mainnet's (polymarket.md §5.1 and the module README).
 */
public record RedeemCall(String to, String data) {
    public static final String CTF = "0x4D97DCd97eC945f40cF65F87097ACe5EA0476045";
    public static final String NEG_RISK_ADAPTER = "0xd91E80cF2E7be2e162c6513ceD06f1dD0dA35296";
    public static final String CTF_COLLATERAL_ADAPTER = "0xAdA100Db00Ca00073811820692005400218FcE1f";
    public static final String NEG_RISK_COLLATERAL_ADAPTER = "0xadA2005600Dec949baf300f4C6120000bDB6eAab";
    public static final String PUSD = "0xC011a7E12a19f7B1f670d46F03B03f3342E82DFB";
    public static final String USDC_E = "0x2791Bca1f2de4661ED88A30C99A7a9449Aa84174";
    /** Both outcomes of a binary condition: YES is index set 1, NO index set 2. */
    private static final List<Uint256> BOTH_OUTCOMES = List.of(new Uint256(1), new Uint256(2));

    /**
     * @param conditionId the market's condition id (0x + 64 hex)
     * @param yesShares   base units (6 decimals) of the YES token held; used by the legacy NegRiskAdapter only
     * @param noShares    the same for NO
     */
    public static RedeemCall of(
            RedeemRoute route, String conditionId, boolean negRisk, BigInteger yesShares, BigInteger noShares) {
        byte[] condition = Numeric.hexStringToByteArray(conditionId);
        if (condition.length != 32) {
            throw new IllegalArgumentException("a condition id is 32 bytes: " + conditionId);
        }
        if (route == RedeemRoute.LEGACY && negRisk) {
            Function call = new Function(
                    "redeemPositions",
                    List.of(
                            new Bytes32(condition),
                            new DynamicArray<>(Uint256.class, new Uint256(yesShares), new Uint256(noShares))),
                    List.of());
            return new RedeemCall(NEG_RISK_ADAPTER, FunctionEncoder.encode(call));
        }
        String to = route == RedeemRoute.LEGACY ? CTF : negRisk ? NEG_RISK_COLLATERAL_ADAPTER : CTF_COLLATERAL_ADAPTER;
        String collateral = route == RedeemRoute.LEGACY ? USDC_E : PUSD;
        Function call = new Function(
                "redeemPositions",
                List.of(
                        new Address(collateral),
                        new Bytes32(new byte[32]),
                        new Bytes32(condition),
                        new DynamicArray<>(Uint256.class, BOTH_OUTCOMES)),
                List.of());
        return new RedeemCall(to, FunctionEncoder.encode(call));
    }
}
