package com.doubletime.polymarket.order;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A CLOB V2/V3 order before signing: the 11 signed fields (polymarket.md §5.3) plus {@code expiration},
 * which is sent in the body but is not signed. Amounts are 6-decimal integers (pUSD and shares both have
 * 6 decimals).
 *
 * @param salt        random, at most 2^53 − 1 because the body carries it as a JSON number
 * @param tokenId     for BUY the token bought, for SELL the token sold (position id on V3 markets)
 * @param makerAmount what is given: pUSD for BUY, shares for SELL
 * @param takerAmount the minimum received: shares for BUY, pUSD for SELL
 * @param timestamp   creation time in Unix milliseconds
 * @param metadata    0x-prefixed bytes32, zero by default
 * @param builder     0x-prefixed bytes32 builder code, zero by default
 * @param expiration  Unix seconds, 0 except for GTD; not signed
 */
public record ClobOrder(
        long salt,
        String maker,
        String signer,
        BigInteger tokenId,
        long makerAmount,
        long takerAmount,
        ClobSide side,
        SignatureType signatureType,
        long timestamp,
        String metadata,
        String builder,
        long expiration) {
    public static final String ZERO_BYTES32 = "0x0000000000000000000000000000000000000000000000000000000000000000";
    public static final long MAX_SALT = (1L << 53) - 1;

    public ClobOrder {
        Objects.requireNonNull(maker, "maker");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(signatureType, "signatureType");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(builder, "builder");
        if (salt < 0 || salt > MAX_SALT) {
            throw new IllegalArgumentException("salt must be in 0..2^53-1 to survive the JSON number, got " + salt);
        }
        if (makerAmount <= 0 || takerAmount <= 0) {
            throw new IllegalArgumentException("maker and taker amounts must be positive");
        }
        if (tokenId.signum() < 0) {
            throw new IllegalArgumentException("negative token id");
        }
        Eip712.address(maker);
        Eip712.address(signer);
        Eip712.bytes32(metadata);
        Eip712.bytes32(builder);
    }

    /** A copy with one signed field changed, for tests that prove the signature covers it. */
    public ClobOrder withMakerAmount(long amount) {
        return new ClobOrder(
                salt,
                maker,
                signer,
                tokenId,
                amount,
                takerAmount,
                side,
                signatureType,
                timestamp,
                metadata,
                builder,
                expiration);
    }
}
