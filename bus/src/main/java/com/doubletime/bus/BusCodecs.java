package com.doubletime.bus;

import com.doubletime.bus.protocol.CapitalQuery;
import com.doubletime.bus.protocol.CapitalReport;
import com.doubletime.bus.protocol.ControlCommand;
import com.doubletime.bus.protocol.ControlNotRecorded;
import com.doubletime.bus.protocol.ControlRefused;
import com.doubletime.bus.protocol.ExecutorStatus;
import com.doubletime.bus.protocol.MarketsQuery;
import com.doubletime.bus.protocol.MarketsReport;
import com.doubletime.bus.protocol.PositionsQuery;
import com.doubletime.bus.protocol.PositionsReport;
import com.doubletime.bus.protocol.RecentTrades;
import com.doubletime.bus.protocol.TradesQuery;
import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.BooksResendRequest;
import com.doubletime.domain.event.FeedHealth;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.event.MarketStatusRequest;
import com.doubletime.domain.event.PairsChanged;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.PositionRedeemed;
import com.doubletime.domain.trade.PositionSettled;
import com.doubletime.domain.trade.ResolutionDivergence;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradingControl;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Registers the codec of every record type that crosses the bus (events, commands, queries and their
 * answers) as that type's default codec, on every node of a cluster, before any verticle sends. Nothing
 * crosses the bus as JSON.
 */
public final class BusCodecs {
    private static final Map<Class<?>, MessageCodec<?, ?>> CODECS = new LinkedHashMap<>();
    private static final Map<EventBus, Map<Class<?>, Boolean>> REGISTERED = new WeakHashMap<>();

    static {
        add(MarketDataBatch.class, new MarketDataBatchCodec());
        add(ArbitrageOpportunityFound.class, new OpportunityEventCodec(ArbitrageOpportunityFound.class));
        add(ArbitrageOpportunityClosed.class, new OpportunityEventCodec(ArbitrageOpportunityClosed.class));
        add(FeedHealth.class, new FeedHealthCodec());
        add(TradeReport.class, new TradeReportCodec());
        add(PairsChanged.class, new PairsChangedCodec());
        add(OrderEvent.class, new OrderEventCodec());
        add(ExecutionAlert.class, new ExecutionAlertCodec());
        for (Class<? extends ControlCommand> command : List.of(
                ControlCommand.Status.class,
                ControlCommand.Pause.class,
                ControlCommand.Resume.class,
                ControlCommand.KillSwitch.class,
                ControlCommand.ChangeRiskLimits.class,
                ControlCommand.Acknowledge.class)) {
            add(command, new ControlCommandCodec(command));
        }
        add(TradingControl.class, new TradingControlCodec());
        add(ControlRefused.class, new ControlRefusedCodec());
        add(ControlNotRecorded.class, new ControlNotRecordedCodec());
        add(TradesQuery.class, new TradesQueryCodec());
        add(RecentTrades.class, new RecentTradesCodec());
        add(PositionsQuery.class, new PositionsQueryCodec());
        add(PositionsReport.class, new PositionsReportCodec());
        add(MarketsQuery.class, new MarketsQueryCodec());
        add(MarketsReport.class, new MarketsReportCodec());
        add(MarketStatusChanged.class, new MarketStatusChangedCodec());
        add(MarketStatusRequest.class, new MarketStatusRequestCodec());
        add(CapitalQuery.class, new CapitalQueryCodec());
        add(CapitalReport.class, new CapitalReportCodec());
        add(PositionSettled.class, new PositionSettledCodec());
        add(ResolutionDivergence.class, new ResolutionDivergenceCodec());
        add(PositionRedeemed.class, new PositionRedeemedCodec());
        add(BooksResendRequest.class, new BooksResendRequestCodec());
        add(ExecutorStatus.class, new ExecutorStatusCodec());
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
        Map<Class<?>, Boolean> done = REGISTERED.computeIfAbsent(bus, b -> new HashMap<>());
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
