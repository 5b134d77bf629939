package com.doubletime.polymarket.order;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

class OrderSignerTest {

    /** web3j is the reference: r, s and v (27/28, from recovering the public key) must be byte for byte the same. */
    @Test
    void signsEveryDigestExactlyAsWeb3jDoesIncludingTheRecoveryByte() {
        Random random = new Random(20261125);
        for (int keyIndex = 0; keyIndex < 5; keyIndex++) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            secret[0] &= 0x7f; // below the curve order
            ECKeyPair key = ECKeyPair.create(new BigInteger(1, secret).max(BigInteger.ONE));
            OrderSigner signer = new OrderSigner(key);
            for (int i = 0; i < 60; i++) {
                byte[] digest = new byte[32];
                random.nextBytes(digest);
                Sign.SignatureData expected = Sign.signMessage(digest, key, false);
                byte[] reference = Eip712.concat(expected.getR(), expected.getS(), expected.getV());
                assertArrayEquals(reference, signer.signDigest(digest), "key " + keyIndex + " digest " + i);
            }
        }
    }
}
