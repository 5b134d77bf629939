package com.doubletime.bus;

import com.doubletime.bus.protocol.CapitalReport;
import com.doubletime.domain.Platform;
import com.doubletime.domain.trade.ExecutionMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Wire codec of {@link CapitalReport} ({@link Addresses#CAPITAL_QUERY}'s answer). */
public final class CapitalReportCodec extends RecordCodec<CapitalReport> {
    private static final int WIRE_VERSION = 1;

    @Override
    public String name() {
        return "dt.CapitalReport";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, CapitalReport report) {
        out.longValue(report.asOfMillis())
                .enumName(report.mode())
                .intValue(report.venues().size());
        for (CapitalReport.Venue venue : report.venues()) {
            out.enumName(venue.platform())
                    .bool(venue.known())
                    .decimal(venue.cash())
                    .optionalDecimal(venue.allowance())
                    .decimal(venue.locked())
                    .decimal(venue.free())
                    .intValue(venue.shards().size());
            for (CapitalReport.Shard shard : venue.shards()) {
                out.intValue(shard.exchangeIndex())
                        .decimal(shard.cash())
                        .decimal(shard.locked())
                        .decimal(shard.free());
            }
            out.longValue(venue.cashAsOfMillis()).string(venue.readFailure()).optionalDecimal(venue.floor());
        }
        out.decimal(report.positionsAtCost())
                .decimal(report.settledToday())
                .intValue(report.redeemable().size());
        for (CapitalReport.Redeemable r : report.redeemable()) {
            out.string(r.pairId())
                    .string(r.conditionId())
                    .longValue(r.yesShares())
                    .longValue(r.noShares())
                    .decimal(r.payout())
                    .string(r.state())
                    .string(r.transactionHash())
                    .string(r.detail());
        }
        out.bool(report.redemptionConfigured());
    }

    @Override
    protected CapitalReport read(WireReader in) {
        long asOf = in.longValue();
        ExecutionMode mode = in.enumValue(ExecutionMode.class);
        int count = in.intValue();
        List<CapitalReport.Venue> venues = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Platform platform = in.enumValue(Platform.class);
            boolean known = in.bool();
            BigDecimal cash = in.decimal();
            BigDecimal allowance = in.optionalDecimal();
            BigDecimal locked = in.decimal();
            BigDecimal free = in.decimal();
            int shardCount = in.intValue();
            List<CapitalReport.Shard> shards = new ArrayList<>(shardCount);
            for (int j = 0; j < shardCount; j++) {
                shards.add(new CapitalReport.Shard(in.intValue(), in.decimal(), in.decimal(), in.decimal()));
            }
            venues.add(new CapitalReport.Venue(
                    platform,
                    known,
                    cash,
                    allowance,
                    locked,
                    free,
                    shards,
                    in.longValue(),
                    in.string(),
                    in.optionalDecimal()));
        }
        BigDecimal positionsAtCost = in.decimal();
        BigDecimal settledToday = in.decimal();
        int redeemableCount = in.intValue();
        List<CapitalReport.Redeemable> redeemable = new ArrayList<>(redeemableCount);
        for (int i = 0; i < redeemableCount; i++) {
            redeemable.add(new CapitalReport.Redeemable(
                    in.string(),
                    in.string(),
                    in.longValue(),
                    in.longValue(),
                    in.decimal(),
                    in.string(),
                    in.string(),
                    in.string()));
        }
        return new CapitalReport(asOf, mode, venues, positionsAtCost, settledToday, redeemable, in.bool());
    }
}
