package com.doubletime.kalshi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KalshiPresignerTest {
    private static final KeyPair KEYS = TestKeys.pair();
    private static final String ORDERS = "/trade-api/v2/portfolio/events/orders";

    private final AtomicLong clock = new AtomicLong(1_767_225_600_000L);
    private final KalshiSigner signer =
            new KalshiSigner(KalshiCredentials.fromPem("key-id", TestKeys.pkcs8Pem(KEYS)), clock::get);
    private final KalshiPresigner presigner = new KalshiPresigner(signer, 1_000);

    @Test
    void aReadySignatureIsTheVenuesSignatureOfItsTimestampMethodAndPath() throws Exception {
        presigner.keepReady("post", ORDERS);
        assertEquals(1, presigner.renew());
        clock.addAndGet(300);

        Map<String, String> headers = presigner.take("POST", ORDERS + "?ignored=1");

        assertNotNull(headers);
        assertEquals("key-id", headers.get(KalshiSigner.ACCESS_KEY));
        assertEquals("1767225600000", headers.get(KalshiSigner.ACCESS_TIMESTAMP));
        assertTrue(KalshiSignerTest.verifyWithJdk(
                KEYS.getPublic(), "1767225600000POST" + ORDERS, headers.get(KalshiSigner.ACCESS_SIGNATURE)));
        assertEquals(1, presigner.taken());
    }

    @Test
    void eachSignatureIsHandedOutOnceAndTheNextRenewalMakesAnother() {
        presigner.keepReady("POST", ORDERS);
        presigner.renew();

        Map<String, String> first = presigner.take("POST", ORDERS);
        assertNull(presigner.take("POST", ORDERS), "a signature is never used twice");
        assertEquals(1, presigner.missed());

        clock.addAndGet(5);
        assertEquals(1, presigner.renew());
        Map<String, String> second = presigner.take("POST", ORDERS);
        assertNotNull(second);
        assertTrue(!first.get(KalshiSigner.ACCESS_SIGNATURE).equals(second.get(KalshiSigner.ACCESS_SIGNATURE)));
    }

    @Test
    void renewalReplacesASignatureOnceItIsHalfTheMaximumAgeAndNoneOlderThanThatIsHandedOut() {
        presigner.keepReady("POST", ORDERS);
        presigner.renew();
        clock.addAndGet(499);
        assertEquals(0, presigner.renew(), "still fresh");
        clock.addAndGet(1);
        assertEquals(1, presigner.renew(), "half the maximum age: replaced");
        assertEquals(Long.toString(clock.get()), presigner.take("POST", ORDERS).get(KalshiSigner.ACCESS_TIMESTAMP));

        presigner.renew();
        clock.addAndGet(1_001); // no renewal ran (a stalled worker): the request signs for itself
        assertNull(presigner.take("POST", ORDERS));
        assertEquals(250, presigner.renewIntervalMillis());
    }

    @Test
    void aPathNobodyKeepsHasNoReadySignature() {
        presigner.keepReady("POST", ORDERS);
        presigner.renew();

        assertNull(presigner.take("GET", ORDERS));
        assertNull(presigner.take("POST", "/trade-api/v2/portfolio/balance"));
        assertEquals(0, presigner.missed(), "requests on other paths are not misses");
    }
}
