package com.doubletime.gateway;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Bearer-token authentication: {@code Authorization: Bearer <token>} on every request it guards, or, for the
 * SSE streams only, {@code ?access_token=<token>} because a browser's {@code EventSource} cannot set headers.
 * No token: 401 with {@code WWW-Authenticate: Bearer}; a wrong one: 403. Reads ({@code GET}) are guarded too
 * unless the config says otherwise.
 *
 * <p>The comparison takes the same time whatever the tokens: both are hashed to 32 bytes and compared with
 * {@link MessageDigest#isEqual}, so neither a common prefix nor the length leaks through timing.
 */
final class ApiAuth implements Handler<RoutingContext> {
    static final String QUERY_TOKEN = "access_token";

    private final byte[] expectedDigest;
    private final boolean readsRequireToken;

    ApiAuth(String token, boolean readsRequireToken) {
        this.expectedDigest = token == null ? null : sha256(token);
        this.readsRequireToken = readsRequireToken;
    }

    @Override
    public void handle(RoutingContext rc) {
        HttpMethod method = rc.request().method();
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        if (expectedDigest == null || (read && !readsRequireToken) || method == HttpMethod.OPTIONS) {
            rc.next();
            return;
        }
        String presented = presented(rc, read);
        if (presented == null) {
            rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"double-time\"");
            ApiErrors.send(rc, 401, "a bearer token is required (Authorization: Bearer <token>)", "Authorization");
        } else if (!matches(presented)) {
            ApiErrors.send(rc, 403, "the bearer token is not valid", "Authorization");
        } else {
            rc.next();
        }
    }

    boolean matches(String presented) {
        return MessageDigest.isEqual(expectedDigest, sha256(presented));
    }

    /** The token as sent; the query parameter only on stream reads, where a browser has no other way. */
    private static String presented(RoutingContext rc, boolean read) {
        String header = rc.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        if (read && rc.request().path().endsWith("/stream")) {
            String token = rc.request().getParam(QUERY_TOKEN);
            return token == null || token.isEmpty() ? null : token;
        }
        return null;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
