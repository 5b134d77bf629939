package com.doubletime.bus;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Polarity;
import com.doubletime.domain.event.PairsChanged;
import java.util.ArrayList;
import java.util.List;

/** Wire codec of {@link PairsChanged}: the full pair set once, the difference as indexes into it or whole pairs. */
public final class PairsChangedCodec extends RecordCodec<PairsChanged> {
    /** Enums by name (version 1 is the first layout with a version byte). */
    private static final int WIRE_VERSION = 1;

    @Override
    public String name() {
        return "dt.PairsChanged";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, PairsChanged change) {
        writePairs(out, change.pairs());
        writePairs(out, change.added());
        writePairs(out, change.removed());
    }

    @Override
    protected PairsChanged read(WireReader in) {
        return new PairsChanged(readPairs(in), readPairs(in), readPairs(in));
    }

    private static void writePairs(WireWriter out, List<MarketPair> pairs) {
        out.intValue(pairs.size());
        for (MarketPair p : pairs) {
            out.string(p.id())
                    .string(p.description())
                    .string(p.kalshiTicker())
                    .longValue(p.kalshiTakerFeeRate())
                    .string(p.conditionId())
                    .string(p.yesTokenId())
                    .string(p.noTokenId())
                    .longValue(p.polymarketTakerFeeRate())
                    .longValue(p.tickSize())
                    .longValue(p.minOrderSize())
                    .bool(p.negRisk())
                    .enumName(p.polarity())
                    .longValue(p.minEdge())
                    .longValue(p.maxQuantity());
        }
    }

    private static List<MarketPair> readPairs(WireReader in) {
        int count = in.intValue();
        List<MarketPair> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pairs.add(new MarketPair(
                    in.string(),
                    in.string(),
                    in.string(),
                    in.longValue(),
                    in.string(),
                    in.string(),
                    in.string(),
                    in.longValue(),
                    in.longValue(),
                    in.longValue(),
                    in.bool(),
                    in.enumValue(Polarity.class),
                    in.longValue(),
                    in.longValue()));
        }
        return pairs;
    }
}
