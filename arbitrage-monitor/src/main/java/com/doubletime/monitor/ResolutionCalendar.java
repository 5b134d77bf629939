package com.doubletime.monitor;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.market.MarketView;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * When each paired market is expected to resolve, as the feeds last said ({@link MarketStatusChanged} on the bus:
 * REST lookups at start and when a pair is added, then lifecycle events such as Kalshi {@code close_date_updated}
 * and the Gamma poll). The engine asks it for a pair's two times to give opportunities their contracts §7 fields;
 * a time not heard of is unknown, and so are the fields. Single writer: the engine's thread.
 */
public final class ResolutionCalendar {
    private final Map<String, Long> kalshiByTicker = new HashMap<>();
    private final Map<String, Long> polymarketByCondition = new HashMap<>();

    /** Takes the expected resolution of the event's market; an unknown time forgets the one held. */
    public void update(MarketStatusChanged event) {
        MarketView view = event.view();
        set(view.platform(), view.market(), view.expectedResolutionMillis());
    }

    /** Sets one market's expected resolution (epoch ms); {@link MarketView#UNKNOWN} forgets it. */
    public void set(Platform platform, String market, long expectedResolutionMillis) {
        Map<String, Long> times = platform == Platform.KALSHI ? kalshiByTicker : polymarketByCondition;
        String key = key(platform, market);
        if (expectedResolutionMillis == MarketView.UNKNOWN) {
            times.remove(key);
        } else {
            times.put(key, expectedResolutionMillis);
        }
    }

    /** The Kalshi market's expected resolution, or {@link MarketView#UNKNOWN}. */
    public long kalshi(MarketPair pair) {
        return kalshiByTicker.getOrDefault(pair.kalshiTicker(), MarketView.UNKNOWN);
    }

    /** The Polymarket market's expected resolution, or {@link MarketView#UNKNOWN}. */
    public long polymarket(MarketPair pair) {
        return polymarketByCondition.getOrDefault(key(Platform.POLYMARKET, pair.conditionId()), MarketView.UNKNOWN);
    }

    /** Condition ids are hex: the same market may be spelt in either case. */
    private static String key(Platform platform, String market) {
        return platform == Platform.POLYMARKET ? market.toLowerCase(Locale.ROOT) : market;
    }
}
