package com.doubletime.polymarket.order;

import java.util.Locale;

/**
 * The exchange contract an order is signed for, which fixes the EIP-712 domain version and verifying
 * contract (polymarket.md §5.1, §5.5). Signing for the wrong one is answered with {@code invalid signature}.
 */
public enum PolymarketExchange {
    /** CLOB V2, {@code negRisk = false}. */
    CTF_V2("2", "0xE111180000d2663C0091e4f400237545B87B996B", "0xE111180000d2663C0091e4f400237545B87B996B"),
    /** CLOB V2, {@code negRisk = true}. */
    NEG_RISK_V2("2", "0xe2222d279d744050d28e00520010520000310F59", "0xe2222d279d744050d28e00520010520000310F59"),
    /** Protocol V2 markets (Gamma {@code version: "v2"}), neg-risk or not. */
    EXCHANGE_V3("3", "0xe3333700cA9d93003F00f0F71f8515005F6c00Aa", "0x9fE6e61422AdB6F610d8597F9684b16912D50C3D"),
    /** Legacy: no longer accepted in production since 2026-04-28; kept for its known-answer vectors. */
    CTF_V1("1", "0x4bFb41d5B3570DeFd03C39a9A4D8dE6Bd8B8982E", "0xdFE02Eb6733538f8Ea35D585af8DE5958AD99E40"),
    /** Legacy neg-risk exchange, same address on Polygon and Amoy. */
    NEG_RISK_V1("1", "0xC5d563A36AE78145C45a50134d48A1215220f80a", "0xC5d563A36AE78145C45a50134d48A1215220f80a");

    public static final String DOMAIN_NAME = "Polymarket CTF Exchange";
    public static final long POLYGON = 137;
    public static final long AMOY = 80002;

    private final String domainVersion;
    private final String polygonAddress;
    private final String amoyAddress;
    private volatile byte[] polygonSeparator;
    private volatile byte[] amoySeparator;

    PolymarketExchange(String domainVersion, String polygonAddress, String amoyAddress) {
        this.domainVersion = domainVersion;
        this.polygonAddress = polygonAddress;
        this.amoyAddress = amoyAddress;
    }

    /** Chooses by Gamma {@code version} first ("choose the ID field by version"), then by {@code negRisk}. */
    public static PolymarketExchange forMarket(String gammaVersion, boolean negRisk) {
        if (gammaVersion != null && gammaVersion.toLowerCase(Locale.ROOT).equals("v2")) {
            return EXCHANGE_V3;
        }
        return negRisk ? NEG_RISK_V2 : CTF_V2;
    }

    public String domainVersion() {
        return domainVersion;
    }

    public String address(long chainId) {
        if (chainId == POLYGON) {
            return polygonAddress;
        }
        if (chainId == AMOY) {
            return amoyAddress;
        }
        throw new IllegalArgumentException("no Polymarket exchange on chain " + chainId);
    }

    public boolean legacy() {
        return domainVersion.equals("1");
    }

    /** The EIP-712 domain separator; computed once per chain (five Keccak hashes), a copy returned per call. */
    public byte[] domainSeparator(long chainId) {
        byte[] cached = chainId == POLYGON ? polygonSeparator : chainId == AMOY ? amoySeparator : null;
        if (cached == null) {
            cached = Eip712.domainSeparator(DOMAIN_NAME, domainVersion, chainId, address(chainId));
            if (chainId == POLYGON) {
                polygonSeparator = cached;
            } else if (chainId == AMOY) {
                amoySeparator = cached;
            }
        }
        return cached.clone();
    }
}
