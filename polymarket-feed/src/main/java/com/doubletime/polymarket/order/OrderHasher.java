package com.doubletime.polymarket.order;

import org.web3j.utils.Numeric;

/**
 * EIP-712 hashing of CLOB V2/V3 orders. The order hash is the digest that is signed and also the order's
 * id on the CLOB ({@code orderID}, the key of cancel and get-order).
 */
public final class OrderHasher {
    /** The V2/V3 struct; field order matters (polymarket.md §5.3). */
    public static final String ORDER_TYPE = "Order(uint256 salt,address maker,address signer,uint256 tokenId,"
            + "uint256 makerAmount,uint256 takerAmount,uint8 side,uint8 signatureType,uint256 timestamp,"
            + "bytes32 metadata,bytes32 builder)";

    static final byte[] ORDER_TYPEHASH = Eip712.keccak(ORDER_TYPE);

    private OrderHasher() {}

    /** {@code hashStruct(order)}: expiration is not part of it. */
    public static byte[] structHash(ClobOrder order) {
        return Eip712.keccak(Eip712.concat(
                ORDER_TYPEHASH,
                Eip712.uint(order.salt()),
                Eip712.address(order.maker()),
                Eip712.address(order.signer()),
                Eip712.uint(order.tokenId()),
                Eip712.uint(order.makerAmount()),
                Eip712.uint(order.takerAmount()),
                Eip712.uint(order.side().signedValue()),
                Eip712.uint(order.signatureType().wireValue()),
                Eip712.uint(order.timestamp()),
                Eip712.bytes32(order.metadata()),
                Eip712.bytes32(order.builder())));
    }

    public static byte[] digest(ClobOrder order, PolymarketExchange exchange, long chainId) {
        if (exchange.legacy()) {
            throw new IllegalArgumentException(exchange + " takes the legacy V1 struct, see LegacyV1Order");
        }
        return Eip712.digest(exchange.domainSeparator(chainId), structHash(order));
    }

    /** The {@code orderID} as the CLOB prints it: 0x + 64 lower-case hex digits. */
    public static String orderHash(ClobOrder order, PolymarketExchange exchange, long chainId) {
        return Numeric.toHexString(digest(order, exchange, chainId));
    }
}
