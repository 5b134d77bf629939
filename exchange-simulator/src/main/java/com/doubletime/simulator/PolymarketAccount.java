package com.doubletime.simulator;

import java.util.Objects;

/**
 * An API account of the simulated CLOB: the EOA that owns the API key, the L2 credentials, and optionally
 * the deposit wallet (POLY_1271) or proxy/Safe funder it trades for.
 */
public record PolymarketAccount(String address, String apiKey, String secret, String passphrase, String funder) {

    public PolymarketAccount {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(passphrase, "passphrase");
    }

    @Override
    public String toString() {
        return "PolymarketAccount[address=" + address + ", apiKey=" + apiKey + ", funder=" + funder + "]";
    }
}
