package com.doubletime.polymarket.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolymarketCredentialsTest {
    static final String KEY = KnownAnswerVectorsTest.HARDHAT_KEY;

    @Test
    void readsSecretsFromFilesAndNeverPrintsThem(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("key"), KEY.substring(2) + "\n");
        Path secret = Files.writeString(dir.resolve("secret"), "c2VjcmV0LXNlY3JldA==");
        PolymarketCredentials credentials = PolymarketCredentials.fromEnvironment(Map.of(
                "POLYMARKET_PRIVATE_KEY_FILE",
                key.toString(),
                "POLYMARKET_API_KEY",
                "k-1",
                "POLYMARKET_API_SECRET_FILE",
                secret.toString(),
                "POLYMARKET_API_PASSPHRASE",
                "pass-phrase-9"));

        assertEquals(
                KnownAnswerVectorsTest.HARDHAT_ADDRESS, credentials.signer().address());
        assertEquals("c2VjcmV0LXNlY3JldA==", credentials.api().secret());
        String printed = credentials.toString();
        assertFalse(printed.contains("c2VjcmV0"), printed);
        assertFalse(printed.contains("pass-phrase-9"), printed);
        assertFalse(printed.toLowerCase().contains(KEY.substring(2, 20)), printed);
    }

    @Test
    void makerAndSignerFollowTheSignatureType() {
        String wallet = "0x1111111111111111111111111111111111111111";
        PolymarketCredentials eoa = PolymarketCredentials.fromEnvironment(Map.of("POLYMARKET_PRIVATE_KEY", KEY));
        PolymarketCredentials safe = PolymarketCredentials.fromEnvironment(
                Map.of("POLYMARKET_PRIVATE_KEY", KEY, "POLYMARKET_SIGNATURE_TYPE", "2", "POLYMARKET_FUNDER", wallet));
        PolymarketCredentials deposit = PolymarketCredentials.fromEnvironment(
                Map.of("POLYMARKET_PRIVATE_KEY", KEY, "POLYMARKET_SIGNATURE_TYPE", "3", "POLYMARKET_FUNDER", wallet));

        assertNull(eoa.api());
        assertEquals(KnownAnswerVectorsTest.HARDHAT_ADDRESS, eoa.maker());
        assertEquals(wallet, safe.maker());
        assertEquals(KnownAnswerVectorsTest.HARDHAT_ADDRESS, safe.orderSigner());
        assertEquals(wallet, deposit.maker());
        assertEquals(wallet, deposit.orderSigner());
    }

    @Test
    void badSettingsAreClearErrorsThatDoNotEchoTheKey() {
        IllegalArgumentException badKey = assertThrows(
                IllegalArgumentException.class,
                () -> PolymarketCredentials.fromEnvironment(Map.of("POLYMARKET_PRIVATE_KEY", "0xdeadbeefcafe")));
        assertFalse(badKey.getMessage().contains("deadbeef"));
        assertThrows(IllegalArgumentException.class, () -> PolymarketCredentials.fromEnvironment(Map.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> PolymarketCredentials.fromEnvironment(
                        Map.of("POLYMARKET_PRIVATE_KEY", KEY, "POLYMARKET_API_KEY", "only-the-key")));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> PolymarketCredentials.fromEnvironment(
                                Map.of("POLYMARKET_PRIVATE_KEY", KEY, "POLYMARKET_SIGNATURE_TYPE", "1")))
                .getMessage()
                .contains("FUNDER"));
    }
}
