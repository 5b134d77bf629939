package com.doubletime.polymarket.order;

import java.math.BigInteger;
import org.web3j.utils.Numeric;

/**
 * The V1 (domain "1") 12-field order. Production has refused V1-signed orders since 2026-04-28; this exists
 * so the official V1 known-answer vectors keep proving the shared EIP-712 and signing code.
 */
public record LegacyV1Order(
        long salt,
        String maker,
        String signer,
        String taker,
        BigInteger tokenId,
        long makerAmount,
        long takerAmount,
        long expiration,
        long nonce,
        long feeRateBps,
        ClobSide side,
        SignatureType signatureType) {
    public static final String ORDER_TYPE = "Order(uint256 salt,address maker,address signer,address taker,"
            + "uint256 tokenId,uint256 makerAmount,uint256 takerAmount,uint256 expiration,uint256 nonce,"
            + "uint256 feeRateBps,uint8 side,uint8 signatureType)";

    public byte[] structHash() {
        return Eip712.keccak(Eip712.concat(
                Eip712.keccak(ORDER_TYPE),
                Eip712.uint(salt),
                Eip712.address(maker),
                Eip712.address(signer),
                Eip712.address(taker),
                Eip712.uint(tokenId),
                Eip712.uint(makerAmount),
                Eip712.uint(takerAmount),
                Eip712.uint(expiration),
                Eip712.uint(nonce),
                Eip712.uint(feeRateBps),
                Eip712.uint(side.signedValue()),
                Eip712.uint(signatureType.wireValue())));
    }

    public byte[] digest(PolymarketExchange exchange, long chainId) {
        if (!exchange.legacy()) {
            throw new IllegalArgumentException(exchange + " takes the V2 struct, see OrderHasher");
        }
        return Eip712.digest(exchange.domainSeparator(chainId), structHash());
    }

    public String orderHash(PolymarketExchange exchange, long chainId) {
        return Numeric.toHexString(digest(exchange, chainId));
    }
}
