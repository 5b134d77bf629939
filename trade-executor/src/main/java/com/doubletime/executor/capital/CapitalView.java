package com.doubletime.executor.capital;

import com.doubletime.bus.protocol.CapitalReport;
import com.doubletime.domain.Platform;
import com.doubletime.domain.capital.VenueCapital;
import com.doubletime.domain.capital.VenueCash;
import com.doubletime.executor.position.PositionBook;
import com.doubletime.executor.settlement.Redemptions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The answer to a capital query (contracts §7 {@code GET /api/capital}), from the desk, the positions and redemptions. */
public final class CapitalView {
    private static final long NANOS_PER_MILLI = 1_000_000;

    private CapitalView() {}

    /**
     * @param redemptions null in paper mode (nothing to redeem)
     * @param nowNanos epoch nanos: the report's time and the UTC day of {@code settledToday}
     */
    public static CapitalReport report(
            CapitalDesk desk, PositionBook positions, Redemptions redemptions, long nowNanos) {
        List<CapitalReport.Venue> venues = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            venues.add(venue(desk, platform));
        }
        List<CapitalReport.Redeemable> redeemable = new ArrayList<>();
        if (redemptions != null) {
            for (Redemptions.Redeemable r : redemptions.all()) {
                redeemable.add(new CapitalReport.Redeemable(
                        r.pairId(),
                        r.conditionId(),
                        r.yesShares(),
                        r.noShares(),
                        r.payout(),
                        r.state().wireName(),
                        r.transactionHash(),
                        r.detail()));
            }
        }
        return new CapitalReport(
                nowNanos / NANOS_PER_MILLI,
                desk.mode(),
                venues,
                positions.totalCost(),
                positions.settledOn(nowNanos),
                redeemable,
                redemptions != null && redemptions.configured());
    }

    private static CapitalReport.Venue venue(CapitalDesk desk, Platform platform) {
        VenueCapital capital = desk.capital(platform);
        BigDecimal floor = desk.settings().freeCashFloor().get(platform);
        if (capital == null) {
            return new CapitalReport.Venue(
                    platform,
                    false,
                    BigDecimal.ZERO,
                    null,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    List.of(),
                    0,
                    desk.readFailure(platform),
                    floor);
        }
        VenueCash cash = desk.cash(platform);
        List<CapitalReport.Shard> shards = new ArrayList<>();
        for (VenueCapital.ShardCapital shard : capital.shards()) {
            shards.add(new CapitalReport.Shard(shard.exchangeIndex(), shard.cash(), shard.locked(), shard.free()));
        }
        return new CapitalReport.Venue(
                platform,
                true,
                capital.cash(),
                capital.allowance(),
                capital.locked(),
                capital.free(),
                shards,
                cash.asOfMillis(),
                desk.readFailure(platform),
                floor);
    }
}
