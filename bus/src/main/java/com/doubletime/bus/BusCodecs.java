package com.doubletime.bus;

import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.MarketDataBatch;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registers the codec of every event type that crosses the bus as that type's default codec. Call
 * {@link #registerAll} once per Vert.x instance, on every node of a cluster, before any verticle sends.
 */
public final class BusCodecs {
    private static final Map<Class<?>, MessageCodec<?, ?>> CODECS = new LinkedHashMap<>();

    static {
        add(MarketDataBatch.class, new MarketDataBatchCodec());
        add(ArbitrageOpportunityFound.class, new OpportunityEventCodec(ArbitrageOpportunityFound.class));
        add(ArbitrageOpportunityClosed.class, new OpportunityEventCodec(ArbitrageOpportunityClosed.class));
    }

    private BusCodecs() {
    }

    /** Other modules add the codecs of their own events here, before {@link #registerAll}. */
    public static synchronized void add(Class<?> type, MessageCodec<?, ?> codec) {
        CODECS.put(type, codec);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static synchronized void registerAll(EventBus bus) {
        CODECS.forEach((type, codec) -> bus.registerDefaultCodec((Class) type, (MessageCodec) codec));
    }

    /** For tests: the codec used for a type. */
    public static synchronized MessageCodec<?, ?> codecFor(Class<?> type) {
        return CODECS.get(type);
    }
}
