package com.doubletime.bus;

import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.FeedHealth;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.event.MarketStatusRequest;
import com.doubletime.domain.event.PairsChanged;
import com.doubletime.domain.trade.TradeReport;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registers the codec of every event type that crosses the bus as that type's default codec, on every
 * node of a cluster, before any verticle sends.
 */
public final class BusCodecs {
    private static final Map<Class<?>, MessageCodec<?, ?>> CODECS = new LinkedHashMap<>();
    private static final Map<EventBus, Map<Class<?>, Boolean>> REGISTERED = new java.util.WeakHashMap<>();

    static {
        add(MarketDataBatch.class, new MarketDataBatchCodec());
        add(ArbitrageOpportunityFound.class, new OpportunityEventCodec(ArbitrageOpportunityFound.class));
        add(ArbitrageOpportunityClosed.class, new OpportunityEventCodec(ArbitrageOpportunityClosed.class));
        add(FeedHealth.class, new FeedHealthCodec());
        add(TradeReport.class, new TradeReportCodec());
        add(PairsChanged.class, new PairsChangedCodec());
        add(MarketStatusChanged.class, new MarketStatusChangedCodec());
        add(MarketStatusRequest.class, new MarketStatusRequestCodec());
    }

    private BusCodecs() {}

    /** Other modules add the codecs of their own events here, before {@link #registerAll}. */
    public static synchronized void add(Class<?> type, MessageCodec<?, ?> codec) {
        CODECS.put(type, codec);
    }

    /**
     * Registers every codec not yet registered on this bus. Each verticle calls it in its start, so a
     * verticle works whether it is deployed alone or next to others in one JVM.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static synchronized void registerAll(EventBus bus) {
        Map<Class<?>, Boolean> done = REGISTERED.computeIfAbsent(bus, b -> new java.util.HashMap<>());
        CODECS.forEach((type, codec) -> {
            if (done.putIfAbsent(type, Boolean.TRUE) == null) {
                bus.registerDefaultCodec((Class) type, (MessageCodec) codec);
            }
        });
    }

    /** For tests: the codec used for a type. */
    public static synchronized MessageCodec<?, ?> codecFor(Class<?> type) {
        return CODECS.get(type);
    }
}
