package com.doubletime.gateway;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Where every process that serves the API gets its token ({@code ./double-time run}, {@code ./double-time cluster},
 * the gateway's own {@code Main}): {@code DOUBLE_TIME_API_TOKEN} when set; otherwise a random one made for this run
 * and shown once at start, the way a notebook server does it, so a newcomer can open the dashboard and nothing on
 * the machine can drive the API without reading that console. A configured token is never printed.
 *
 * @param generated true when made for this run (and so safe, and necessary, to show)
 */
public record ApiToken(String value, boolean generated) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MIN_LENGTH = 16;
    private static final int GENERATED_BYTES = 24;

    /** @throws IllegalArgumentException when the configured token is shorter than 16 characters */
    public static ApiToken resolve(Map<String, String> env) {
        String configured = env.get(GatewayConfig.TOKEN_ENV);
        if (configured != null && !configured.isBlank()) {
            if (configured.strip().length() < MIN_LENGTH) {
                throw new IllegalArgumentException(
                        GatewayConfig.TOKEN_ENV + " must be at least " + MIN_LENGTH + " characters");
            }
            return new ApiToken(configured.strip(), false);
        }
        byte[] bytes = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(bytes);
        return new ApiToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), true);
    }

    @Override
    public String toString() {
        return generated ? "ApiToken[generated]" : "ApiToken[from " + GatewayConfig.TOKEN_ENV + "]";
    }
}
