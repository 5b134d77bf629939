package com.doubletime.launcher;

import com.doubletime.domain.Platform;
import com.doubletime.domain.discovery.MarketListing;
import com.doubletime.gateway.CatalogueSource;
import com.doubletime.kalshi.auth.KalshiSigner;
import com.doubletime.kalshi.rest.KalshiMarket;
import com.doubletime.kalshi.rest.KalshiRestClient;
import com.doubletime.kalshi.rest.KalshiRestConfig;
import com.doubletime.polymarket.gamma.GammaClient;
import com.doubletime.polymarket.gamma.GammaMarket;
import com.doubletime.simulator.ExchangeSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pair discovery's catalogues from the venues' own clients: Kalshi {@code GET /markets?status=open} (every
 * cursor page, binary markets) and Gamma {@code /markets?active=true&closed=false} (every page, markets that
 * accept orders on the book). Each market becomes a {@link MarketListing} by its adapter's rules
 * ({@link KalshiMarket#listing()}, {@link GammaMarket#listing()}).
 */
public final class VenueCatalogues implements CatalogueSource {
    private static final long TIMEOUT_MILLIS = 10_000;

    private final KalshiRestClient kalshi;
    private final GammaClient gamma;

    public VenueCatalogues(KalshiRestClient kalshi, GammaClient gamma) {
        this.kalshi = Objects.requireNonNull(kalshi, "kalshi");
        this.gamma = Objects.requireNonNull(gamma, "gamma");
    }

    /** Unsigned reads of the simulators' catalogues (the simulated Kalshi accepts them unless auth is on). */
    /** The Kalshi REST client the catalogue reads through (the feed's market lookups share it). */
    public KalshiRestClient kalshi() {
        return kalshi;
    }

    /** The Gamma client the catalogue reads through (the feed's market status polls share it). */
    public GammaClient gamma() {
        return gamma;
    }

    public static VenueCatalogues forSimulator(Vertx vertx, ExchangeSimulator simulator) {
        return forSimulator(vertx, simulator, null);
    }

    /**
     * The simulators' catalogues, Kalshi reads signed with {@code signer} when the simulated Kalshi checks signatures
     * ({@code run --live-against-simulators}); null reads unsigned.
     */
    public static VenueCatalogues forSimulator(Vertx vertx, ExchangeSimulator simulator, KalshiSigner signer) {
        return new VenueCatalogues(
                new KalshiRestClient(
                        vertx,
                        KalshiRestConfig.of(simulator.kalshiRestUrl()).withRequestTimeoutMillis(TIMEOUT_MILLIS),
                        signer),
                GammaClient.create(vertx, simulator.polymarketRestUrl(), TIMEOUT_MILLIS));
    }

    /** Signed Kalshi reads (its key is required there anyway) and public Gamma reads of the real venues. */
    static VenueCatalogues forRealVenues(Vertx vertx, RealVenues venues) {
        return new VenueCatalogues(
                new KalshiRestClient(
                        vertx,
                        KalshiRestConfig.of(venues.kalshiRestUrl()).withRequestTimeoutMillis(TIMEOUT_MILLIS),
                        venues.kalshiSigner()),
                GammaClient.create(vertx, venues.gammaUrl(), TIMEOUT_MILLIS));
    }

    @Override
    public Future<List<MarketListing>> openMarkets(Platform venue) {
        return switch (venue) {
            case KALSHI ->
                kalshi.markets(Map.of("status", "open"))
                        .map(markets -> markets.stream()
                                .filter(m -> m.marketType() == null || "binary".equals(m.marketType()))
                                .map(KalshiMarket::listing)
                                .toList());
            case POLYMARKET ->
                gamma.openMarkets()
                        .map(markets -> markets.stream()
                                .filter(GammaMarket::tradable)
                                .map(GammaMarket::listing)
                                .filter(Objects::nonNull)
                                .toList());
        };
    }
}
