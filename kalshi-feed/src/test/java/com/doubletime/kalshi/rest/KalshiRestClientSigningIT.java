package com.doubletime.kalshi.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.kalshi.auth.KalshiCredentials;
import com.doubletime.kalshi.auth.KalshiSigner;
import com.doubletime.kalshi.auth.TestKeys;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order path's signature is made ahead and a 401 is answered by signing afresh once, against a loopback server
 * that answers each order request with the next status it is given and records the signature headers it got.
 */
class KalshiRestClientSigningIT {
    private static final KeyPair KEYS = TestKeys.pair();
    private static final String ORDERS = "/portfolio/events/orders";
    private static final String SIGNED_ORDERS = "/trade-api/v2" + ORDERS;

    private Vertx vertx;
    private HttpServer server;
    private KalshiRestClient rest;
    private final Queue<Integer> statuses = new ArrayDeque<>();
    /** Timestamp and signature of each order request, in arrival order. */
    private final List<String[]> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    seen.add(new String[] {
                        request.getHeader(KalshiSigner.ACCESS_TIMESTAMP),
                        request.getHeader(KalshiSigner.ACCESS_SIGNATURE)
                    });
                    Integer status;
                    synchronized (statuses) {
                        status = statuses.poll();
                    }
                    int answer = status == null ? 201 : status;
                    request.response()
                            .setStatusCode(answer)
                            .putHeader("Content-Type", "application/json")
                            .end(
                                    answer == 401
                                            ? "{\"error\":{\"code\":\"authentication_error\",\"message\":\"bad signature\"}}"
                                            : "{\"order\":{\"order_id\":\"o-1\"}}");
                }))
                .listen(0, "127.0.0.1")
                .await(10, TimeUnit.SECONDS);
        KalshiSigner signer = new KalshiSigner(KalshiCredentials.fromPem("key-id", TestKeys.pkcs8Pem(KEYS)));
        rest = new KalshiRestClient(
                vertx, KalshiRestConfig.of("http://127.0.0.1:" + server.actualPort() + "/trade-api/v2"), signer);
        rest.keepSigned(HttpMethod.POST, ORDERS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!rest.presigner().readiness().values().stream().allMatch(ready -> ready)
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        rest.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private JsonObject order() throws Exception {
        return rest.request(
                        HttpMethod.POST,
                        ORDERS,
                        null,
                        new JsonObject().put("client_order_id", "c-1"),
                        KalshiRestClient.Bucket.WRITE,
                        KalshiRateTier.DEFAULT_COST)
                .await(10, TimeUnit.SECONDS);
    }

    @Test
    void anOrderGoesOutWithTheSignatureMadeAheadAndA401IsSignedAfreshAndSentOnceMore() throws Exception {
        statuses.add(401);

        JsonObject answer = order();

        assertEquals("o-1", answer.getJsonObject("order").getString("order_id"));
        assertEquals(2, seen.size());
        assertEquals(1, rest.presigner().taken(), "the first attempt used the ready signature");
        assertEquals(1, rest.reSignedAfter401());
        assertNotEquals(seen.get(0)[1], seen.get(1)[1], "the resend carries a signature of its own");
        for (String[] headers : seen) {
            assertTrue(verifies(headers[0] + "POST" + SIGNED_ORDERS, headers[1]));
        }
    }

    @Test
    void a401ToTheFreshSignatureAsWellFailsAsACredentialErrorAfterTwoRequests() {
        statuses.add(401);
        statuses.add(401);

        Exception failure = assertThrows(Exception.class, this::order);

        assertInstanceOf(KalshiAuthException.class, failure.getCause() == null ? failure : failure.getCause());
        assertEquals(2, seen.size(), "signed afresh once, not again");
    }

    @Test
    void consecutiveOrdersNeverShareASignature() throws Exception {
        order();
        order();
        order();

        assertEquals(3, seen.stream().map(headers -> headers[1]).distinct().count());
    }

    private static boolean verifies(String message, String base64) throws Exception {
        Signature verifier = Signature.getInstance("RSASSA-PSS");
        verifier.setParameter(KalshiSigner.PSS);
        verifier.initVerify(KEYS.getPublic());
        verifier.update(message.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(base64));
    }
}
