package com.doubletime.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KalshiSimulatorOptionsTest {

    @Test
    void authIsOffUnlessAPublicKeyIsGivenAndThenChecksSignatures(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path pem = Files.writeString(
                dir.resolve("kalshi_pub.pem"),
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(keys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");

        assertNull(SimulatorMain.kalshiOptions(new String[0], Map.of()).authPublicKey());
        KalshiSimulatorOptions options =
                SimulatorMain.kalshiOptions(new String[0], Map.of("SIMULATOR_KALSHI_PUBLIC_KEY", pem.toString()));
        assertEquals(keys.getPublic(), options.authPublicKey());

        long now = 1_715_793_600_123L;
        KalshiAuth auth = new KalshiAuth(options.authPublicKey(), options.maxClockSkewMillis(), () -> now);
        Signature signer = Signature.getInstance("RSASSA-PSS");
        signer.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        signer.initSign(keys.getPrivate());
        signer.update((now + "GET/trade-api/v2/portfolio/balance").getBytes(StandardCharsets.UTF_8));
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("KALSHI-ACCESS-KEY", "k")
                .add("KALSHI-ACCESS-TIMESTAMP", Long.toString(now))
                .add("KALSHI-ACCESS-SIGNATURE", Base64.getEncoder().encodeToString(signer.sign()));
        assertNull(auth.check("GET", "/trade-api/v2/portfolio/balance?limit=5", headers));
        assertEquals("signature does not verify", auth.check("POST", "/trade-api/v2/portfolio/balance", headers));
        headers.set("KALSHI-ACCESS-TIMESTAMP", Long.toString(now / 1000));
        assertEquals(
                "KALSHI-ACCESS-TIMESTAMP is too far from the server clock (milliseconds expected)",
                auth.check("GET", "/trade-api/v2/portfolio/balance", headers));
        assertThrows(
                IllegalArgumentException.class,
                () -> KalshiSimulatorOptions.readPublicKey(Files.writeString(dir.resolve("junk.pem"), "not a key")));
    }
}
