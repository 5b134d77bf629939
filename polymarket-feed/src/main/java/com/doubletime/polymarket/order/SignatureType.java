package com.doubletime.polymarket.order;

/**
 * Who signs and whose funds trade (polymarket.md §4.3). EOA: maker = signer = key; POLY_PROXY and
 * POLY_GNOSIS_SAFE: maker = funder wallet, signer = key; POLY_1271: maker = signer = deposit wallet, the
 * key signs an ERC-7739 envelope for it.
 */
public enum SignatureType {
    EOA,
    POLY_PROXY,
    POLY_GNOSIS_SAFE,
    POLY_1271;

    public int wireValue() {
        return ordinal();
    }

    public static SignatureType fromWire(int value) {
        if (value < 0 || value >= values().length) {
            throw new IllegalArgumentException("signature type must be 0..3, got " + value);
        }
        return values()[value];
    }
}
