package com.doubletime.bus;

import com.doubletime.domain.market.MarketStatus;
import com.doubletime.domain.settlement.DivergenceKind;
import com.doubletime.domain.trade.ResolutionDivergence;

/** Wire codec of a journaled {@code RESOLUTION_DIVERGENCE} alert ({@link Addresses#EXECUTION}). */
public final class ResolutionDivergenceCodec extends RecordCodec<ResolutionDivergence> {
    private static final int WIRE_VERSION = 1;

    @Override
    public String name() {
        return "dt.ResolutionDivergence";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, ResolutionDivergence d) {
        out.string(d.pairId()).enumName(d.kind());
        result(out, d.kalshi());
        result(out, d.polymarket());
        out.decimal(d.moneyAtStake()).string(d.message()).longValue(d.atNanos());
    }

    @Override
    protected ResolutionDivergence read(WireReader in) {
        return new ResolutionDivergence(
                in.string(),
                in.enumValue(DivergenceKind.class),
                result(in),
                result(in),
                in.decimal(),
                in.string(),
                in.longValue());
    }

    private static void result(WireWriter out, ResolutionDivergence.VenueResult r) {
        out.string(r.market()).enumName(r.status()).string(r.result()).longValue(r.yesPayout());
    }

    private static ResolutionDivergence.VenueResult result(WireReader in) {
        return new ResolutionDivergence.VenueResult(
                in.string(), in.enumValue(MarketStatus.class), in.string(), in.longValue());
    }
}
