package com.doubletime.bus;

import com.doubletime.bus.protocol.CapitalQuery;
import com.doubletime.bus.protocol.MarketsQuery;
import com.doubletime.bus.protocol.PositionsQuery;
import com.doubletime.bus.protocol.TradesQuery;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** The queries: small, so one class with a contract run each. */
class QueryCodecsTest {
    @Nested
    class Trades extends RecordCodecContract<TradesQuery> {
        @Override
        protected RecordCodec<TradesQuery> codec() {
            return new TradesQueryCodec();
        }

        @Override
        protected List<TradesQuery> samples() {
            return List.of(TradesQuery.ALL, new TradesQuery(1));
        }
    }

    @Nested
    class Capital extends RecordCodecContract<CapitalQuery> {
        @Override
        protected RecordCodec<CapitalQuery> codec() {
            return new CapitalQueryCodec();
        }

        @Override
        protected List<CapitalQuery> samples() {
            return List.of(CapitalQuery.INSTANCE);
        }
    }

    @Nested
    class Positions extends RecordCodecContract<PositionsQuery> {
        @Override
        protected RecordCodec<PositionsQuery> codec() {
            return new PositionsQueryCodec();
        }

        @Override
        protected List<PositionsQuery> samples() {
            return List.of(PositionsQuery.INSTANCE);
        }
    }

    @Nested
    class Markets extends RecordCodecContract<MarketsQuery> {
        @Override
        protected RecordCodec<MarketsQuery> codec() {
            return new MarketsQueryCodec();
        }

        @Override
        protected List<MarketsQuery> samples() {
            return List.of(MarketsQuery.INSTANCE);
        }
    }
}
