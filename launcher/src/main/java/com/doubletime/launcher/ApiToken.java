package com.doubletime.launcher;

import com.doubletime.gateway.GatewayConfig;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Where {@code ./double-time run} gets its API token: {@code DOUBLE_TIME_API_TOKEN} when set; otherwise a
 * random one made for this run and shown once at start, the way a notebook server does it, so a newcomer
 * can open the dashboard and nothing on the machine can drive the API without reading that console. A
 * configured token is never printed.
 *
 * @param generated true when made for this run (and so safe, and necessary, to show)
 */
record ApiToken(String value, boolean generated) {
    private static final SecureRandom RANDOM = new SecureRandom();

    static ApiToken resolve(Map<String, String> env) {
        String configured = env.get(GatewayConfig.TOKEN_ENV);
        if (configured != null && !configured.isBlank()) {
            if (configured.strip().length() < 16) {
                throw new IllegalArgumentException(GatewayConfig.TOKEN_ENV + " must be at least 16 characters");
            }
            return new ApiToken(configured.strip(), false);
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return new ApiToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), true);
    }

    @Override
    public String toString() {
        return generated ? "ApiToken[generated]" : "ApiToken[from " + GatewayConfig.TOKEN_ENV + "]";
    }
}
