package com.doubletime.kalshi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KalshiSignerTest {
    private static final KeyPair KEYS = TestKeys.pair();

    @Test
    void signsWithAPkcs1KeyAndTheSignatureVerifiesAsRsaPssSha256Salt32() throws Exception {
        KalshiSigner signer = new KalshiSigner(KalshiCredentials.fromPem("key-id", TestKeys.pkcs1Pem(KEYS)));

        String signature = signer.sign(1704398400000L, "GET", "/trade-api/v2/portfolio/fills");

        assertTrue(verifyWithJdk(KEYS.getPublic(), "1704398400000GET/trade-api/v2/portfolio/fills", signature));
        assertTrue(
                verifyWithBouncyCastle(KEYS.getPublic(), "1704398400000GET/trade-api/v2/portfolio/fills", signature));
    }

    @Test
    void signsWithAPkcs8KeyAndTheSignatureVerifiesAsRsaPssSha256Salt32() throws Exception {
        KalshiSigner signer = new KalshiSigner(KalshiCredentials.fromPem("key-id", TestKeys.pkcs8Pem(KEYS)));

        String signature = signer.sign(1704398400000L, "post", "/trade-api/v2/portfolio/events/orders");

        assertTrue(
                verifyWithJdk(KEYS.getPublic(), "1704398400000POST/trade-api/v2/portfolio/events/orders", signature));
        assertTrue(verifyWithBouncyCastle(
                KEYS.getPublic(), "1704398400000POST/trade-api/v2/portfolio/events/orders", signature));
    }

    @Test
    void pkcs1AndPkcs8FilesLoadTheSameKey() {
        assertEquals(
                KalshiCredentials.fromPem("k", TestKeys.pkcs1Pem(KEYS)).privateKey(),
                KalshiCredentials.fromPem("k", TestKeys.pkcs8Pem(KEYS)).privateKey());
    }

    @Test
    void signsThePathWithoutItsQueryString() throws Exception {
        KalshiSigner signer = new KalshiSigner(KalshiCredentials.fromPem("k", TestKeys.pkcs8Pem(KEYS)));

        String signature = signer.sign(5L, "GET", "/trade-api/v2/portfolio/orders?limit=5");

        assertEquals(
                "5GET/trade-api/v2/portfolio/orders",
                KalshiSigner.signedMessage(5L, "GET", "/trade-api/v2/portfolio/orders?limit=5"));
        assertTrue(verifyWithJdk(KEYS.getPublic(), "5GET/trade-api/v2/portfolio/orders", signature));
        assertFalse(verifyWithJdk(KEYS.getPublic(), "5GET/trade-api/v2/portfolio/orders?limit=5", signature));
    }

    @Test
    void headersCarryKeyIdMillisecondTimestampAndAFreshSignatureEachTime() throws Exception {
        KalshiSigner signer = new KalshiSigner(
                KalshiCredentials.fromPem("a952bcbe-ec3b-4b5b-b8f9-11dae589608c", TestKeys.pkcs1Pem(KEYS)),
                () -> 1715793600123L);

        Map<String, String> first = signer.headers("GET", KalshiSigner.WS_PATH);
        Map<String, String> second = signer.headers("GET", KalshiSigner.WS_PATH);

        assertEquals("a952bcbe-ec3b-4b5b-b8f9-11dae589608c", first.get("KALSHI-ACCESS-KEY"));
        assertEquals("1715793600123", first.get("KALSHI-ACCESS-TIMESTAMP"));
        assertTrue(verifyWithJdk(
                KEYS.getPublic(), "1715793600123GET/trade-api/ws/v2", first.get("KALSHI-ACCESS-SIGNATURE")));
        assertNotEquals(
                first.get("KALSHI-ACCESS-SIGNATURE"), second.get("KALSHI-ACCESS-SIGNATURE"), "PSS is randomized");
    }

    @Test
    void neverPrintsTheKeyOrTheFullKeyId() {
        String pem = TestKeys.pkcs8Pem(KEYS);
        KalshiCredentials credentials = KalshiCredentials.fromPem("a952bcbe-ec3b-4b5b-b8f9-11dae589608c", pem);

        String printed = credentials + " " + new KalshiSigner(credentials);

        assertFalse(printed.contains("a952bcbe-ec3b"), printed);
        assertFalse(printed.contains(pem.lines().skip(1).findFirst().orElseThrow()), printed);
        assertTrue(printed.contains("<redacted>"), printed);
    }

    @Test
    void readsCredentialsFromTheEnvironmentOrNoneWhenUnset(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("kalshi.pem"), TestKeys.pkcs1Pem(KEYS));

        assertTrue(KalshiCredentials.fromEnvironment(Map.of()).isEmpty());
        assertEquals(
                "id-1",
                KalshiCredentials.fromEnvironment(
                                Map.of("KALSHI_API_KEY_ID", "id-1", "KALSHI_PRIVATE_KEY_PEM_PATH", pem.toString()))
                        .orElseThrow()
                        .apiKeyId());
        IllegalArgumentException half = assertThrows(
                IllegalArgumentException.class,
                () -> KalshiCredentials.fromEnvironment(Map.of("KALSHI_API_KEY_ID", "id-1")));
        assertTrue(half.getMessage().contains("KALSHI_PRIVATE_KEY_PEM_PATH"), half.getMessage());
    }

    @Test
    void handshakeFromTheEnvironmentSignsTheWsPathOrAddsNothingWithoutCredentials(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("kalshi.pem"), TestKeys.pkcs8Pem(KEYS));

        MultiMap headers = KalshiHandshake.fromEnvironment(
                        Map.of("KALSHI_API_KEY_ID", "id-9", "KALSHI_PRIVATE_KEY_PEM_PATH", pem.toString()))
                .apply(KalshiSigner.WS_PATH);

        assertEquals("id-9", headers.get("kalshi-access-key"));
        assertTrue(verifyWithJdk(
                KEYS.getPublic(),
                headers.get("KALSHI-ACCESS-TIMESTAMP") + "GET/trade-api/ws/v2",
                headers.get("KALSHI-ACCESS-SIGNATURE")));
        assertEquals(null, KalshiHandshake.fromEnvironment(Map.of()).apply(KalshiSigner.WS_PATH));
    }

    @Test
    void rejectsAFileThatHoldsNoPrivateKeyWithoutQuotingIt(@TempDir Path dir) throws Exception {
        String publicPem = TestKeys.publicPem(KEYS);
        Path file = Files.writeString(dir.resolve("public.pem"), publicPem);

        IllegalArgumentException wrong =
                assertThrows(IllegalArgumentException.class, () -> KalshiCredentials.fromPemFile("k", file));
        IllegalArgumentException garbage = assertThrows(
                IllegalArgumentException.class,
                () -> KalshiCredentials.fromPem(
                        "k", "-----BEGIN RSA PRIVATE KEY-----\nc2VjcmV0\n-----END RSA PRIVATE KEY-----\n"));

        assertTrue(wrong.getMessage().contains("no RSA private key"), wrong.getMessage());
        assertFalse(wrong.getMessage()
                .contains(publicPem.lines().skip(1).findFirst().orElseThrow()));
        assertFalse(garbage.getMessage().contains("c2VjcmV0"), garbage.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> KalshiCredentials.fromPemFile("k", dir.resolve("missing.pem")));
    }

    static boolean verifyWithJdk(PublicKey key, String message, String base64) throws Exception {
        Signature verifier = Signature.getInstance("RSASSA-PSS");
        verifier.setParameter(KalshiSigner.PSS);
        verifier.initVerify(key);
        verifier.update(message.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(base64));
    }

    /** BouncyCastle's SHA256withRSA/PSS defaults are MGF1-SHA256 and salt 32: an independent check. */
    static boolean verifyWithBouncyCastle(PublicKey key, String message, String base64) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withRSA/PSS", new BouncyCastleProvider());
        verifier.initVerify(key);
        verifier.update(message.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(base64));
    }
}
