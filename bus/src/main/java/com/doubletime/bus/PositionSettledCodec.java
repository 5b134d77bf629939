package com.doubletime.bus;

import com.doubletime.domain.trade.PositionSettled;
import com.doubletime.domain.trade.PositionState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Wire codec of a journaled settlement ({@link Addresses#EXECUTION}). */
public final class PositionSettledCodec extends RecordCodec<PositionSettled> {
    private static final int WIRE_VERSION = 1;

    @Override
    public String name() {
        return "dt.PositionSettled";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, PositionSettled s) {
        out.string(s.pairId())
                .enumName(s.state())
                .string(s.kalshiMarket())
                .string(s.kalshiResult())
                .longValue(s.kalshiYesPayout())
                .string(s.polymarketMarket())
                .string(s.polymarketResult())
                .longValue(s.polymarketYesPayout())
                .longValue(s.kalshiYes())
                .longValue(s.kalshiNo())
                .longValue(s.polymarketYes())
                .longValue(s.polymarketNo())
                .decimal(s.cost())
                .decimal(s.fees())
                .decimal(s.kalshiPayout())
                .decimal(s.polymarketPayout())
                .decimal(s.realizedPnl())
                .intValue(s.tradeIds().size());
        s.tradeIds().forEach(out::string);
        out.longValue(s.atNanos());
    }

    @Override
    protected PositionSettled read(WireReader in) {
        String pairId = in.string();
        PositionState state = in.enumValue(PositionState.class);
        String kalshiMarket = in.string();
        String kalshiResult = in.string();
        long kalshiYesPayout = in.longValue();
        String polymarketMarket = in.string();
        String polymarketResult = in.string();
        long polymarketYesPayout = in.longValue();
        long kalshiYes = in.longValue();
        long kalshiNo = in.longValue();
        long polymarketYes = in.longValue();
        long polymarketNo = in.longValue();
        BigDecimal cost = in.decimal();
        BigDecimal fees = in.decimal();
        BigDecimal kalshiPayout = in.decimal();
        BigDecimal polymarketPayout = in.decimal();
        BigDecimal pnl = in.decimal();
        int count = in.intValue();
        List<String> tradeIds = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tradeIds.add(in.string());
        }
        return new PositionSettled(
                pairId,
                state,
                kalshiMarket,
                kalshiResult,
                kalshiYesPayout,
                polymarketMarket,
                polymarketResult,
                polymarketYesPayout,
                kalshiYes,
                kalshiNo,
                polymarketYes,
                polymarketNo,
                cost,
                fees,
                kalshiPayout,
                polymarketPayout,
                pnl,
                tradeIds,
                in.longValue());
    }
}
