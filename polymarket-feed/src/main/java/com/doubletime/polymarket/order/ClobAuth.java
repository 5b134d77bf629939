package com.doubletime.polymarket.order;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.web3j.utils.Numeric;

/**
 * L1 authentication (polymarket.md §4.1): an EIP-712 {@code ClobAuth} signature proving control of the key,
 * used only to create or derive API credentials ({@code GET /auth/derive-api-key}). The domain has no
 * verifying contract and was not changed by CLOB V2.
 */
public final class ClobAuth {
    static final String DOMAIN_NAME = "ClobAuthDomain";
    static final String DOMAIN_VERSION = "1";
    static final String TYPE = "ClobAuth(address address,string timestamp,uint256 nonce,string message)";
    static final String MESSAGE = "This message attests that I control the given wallet";

    private ClobAuth() {}

    public static byte[] digest(String address, long chainId, long timestampSeconds, long nonce) {
        byte[] struct = Eip712.keccak(Eip712.concat(
                Eip712.keccak(TYPE),
                Eip712.address(address),
                Eip712.keccak(Long.toString(timestampSeconds)),
                Eip712.uint(BigInteger.valueOf(nonce)),
                Eip712.keccak(MESSAGE)));
        return Eip712.digest(Eip712.domainSeparator(DOMAIN_NAME, DOMAIN_VERSION, chainId), struct);
    }

    public static String signature(OrderSigner signer, long chainId, long timestampSeconds, long nonce) {
        return Numeric.toHexString(signer.signDigest(digest(signer.address(), chainId, timestampSeconds, nonce)));
    }

    /** {@code POLY_ADDRESS}, {@code POLY_SIGNATURE}, {@code POLY_TIMESTAMP}, {@code POLY_NONCE}. */
    public static Map<String, String> headers(OrderSigner signer, long chainId, long timestampSeconds, long nonce) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("POLY_ADDRESS", signer.address());
        headers.put("POLY_SIGNATURE", signature(signer, chainId, timestampSeconds, nonce));
        headers.put("POLY_TIMESTAMP", Long.toString(timestampSeconds));
        headers.put("POLY_NONCE", Long.toString(nonce));
        return headers;
    }
}
