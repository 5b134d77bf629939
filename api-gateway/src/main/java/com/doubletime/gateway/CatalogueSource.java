package com.doubletime.gateway;

import com.doubletime.domain.Platform;
import com.doubletime.domain.discovery.MarketListing;
import io.vertx.core.Future;
import java.util.List;

/**
 * The venues' open-market catalogues for pair discovery (Kalshi {@code GET /markets}, Polymarket Gamma
 * markets). The adapters' REST clients implement it; the gateway only ranks what it is given.
 */
@FunctionalInterface
public interface CatalogueSource {
    Future<List<MarketListing>> openMarkets(Platform venue);
}
