package com.doubletime.bus;

import com.doubletime.domain.trade.PositionRedeemed;

/** Wire codec of a journaled on-chain redemption ({@link Addresses#EXECUTION}). */
public final class PositionRedeemedCodec extends RecordCodec<PositionRedeemed> {
    private static final int WIRE_VERSION = 1;

    @Override
    public String name() {
        return "dt.PositionRedeemed";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, PositionRedeemed r) {
        out.string(r.pairId())
                .string(r.conditionId())
                .longValue(r.yesShares())
                .longValue(r.noShares())
                .decimal(r.payout())
                .bool(r.succeeded())
                .string(r.transactionHash())
                .string(r.detail())
                .longValue(r.atNanos());
    }

    @Override
    protected PositionRedeemed read(WireReader in) {
        return new PositionRedeemed(
                in.string(),
                in.string(),
                in.longValue(),
                in.longValue(),
                in.decimal(),
                in.bool(),
                in.string(),
                in.string(),
                in.longValue());
    }
}
