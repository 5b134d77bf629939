package com.doubletime.launcher;

import com.doubletime.kalshi.KalshiFeedConfig;
import com.doubletime.kalshi.auth.KalshiCredentials;
import com.doubletime.kalshi.auth.KalshiSigner;
import com.doubletime.kalshi.rest.KalshiRestConfig;
import com.doubletime.polymarket.PolymarketFeedConfig;
import com.doubletime.polymarket.gamma.GammaClient;
import java.util.Map;
import java.util.Optional;

/**
 * The real venues' market-data endpoints for {@code run --real-venues}: production by default, each overridable
 * from the environment (a venue's demo environment, or a test's simulators started as if real). Kalshi signs even
 * its market-data WebSocket, so its key is required; Polymarket's market channel is public.
 *
 * @param kalshiSigner signs the Kalshi WebSocket upgrade and catalogue reads; never shown
 */
record RealVenues(
        String kalshiWsUrl,
        String kalshiRestUrl,
        String polymarketWsUrl,
        String polymarketClobUrl,
        String gammaUrl,
        KalshiSigner kalshiSigner) {
    static final String KALSHI_WS_URL = "KALSHI_WS_URL";
    static final String KALSHI_REST_URL = "KALSHI_REST_URL";
    static final String POLYMARKET_WS_URL = "POLYMARKET_WS_URL";
    static final String POLYMARKET_CLOB_URL = "POLYMARKET_CLOB_URL";
    static final String POLYMARKET_GAMMA_URL = "POLYMARKET_GAMMA_URL";

    /**
     * @throws Cli.UsageException when the Kalshi key is missing or cannot be read, naming the variable
     */
    static RealVenues fromEnvironment(Map<String, String> env) {
        Optional<KalshiCredentials> kalshi;
        try {
            kalshi = KalshiCredentials.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException("--real-venues: " + e.getMessage());
        }
        if (kalshi.isEmpty()) {
            throw new Cli.UsageException("--real-venues needs a Kalshi API key even to read market data (Kalshi signs"
                    + " every WebSocket connection): set " + KalshiCredentials.ENV_API_KEY_ID + " and "
                    + KalshiCredentials.ENV_PRIVATE_KEY_PEM_PATH + " (see ./double-time check-credentials)");
        }
        return new RealVenues(
                url(env, KALSHI_WS_URL, KalshiFeedConfig.PRODUCTION_WS_URL),
                url(env, KALSHI_REST_URL, KalshiRestConfig.PRODUCTION_URL),
                url(env, POLYMARKET_WS_URL, PolymarketFeedConfig.PRODUCTION_WS_URL),
                url(env, POLYMARKET_CLOB_URL, PolymarketFeedConfig.PRODUCTION_REST_URL),
                url(env, POLYMARKET_GAMMA_URL, GammaClient.PRODUCTION_URL),
                new KalshiSigner(kalshi.get()));
    }

    private static String url(Map<String, String> env, String variable, String production) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? production : value.strip();
    }

    @Override
    public String toString() {
        return "RealVenues[kalshi " + kalshiWsUrl + ", polymarket " + polymarketWsUrl + "]";
    }
}
