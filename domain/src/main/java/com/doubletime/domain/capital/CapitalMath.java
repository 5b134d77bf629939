package com.doubletime.domain.capital;

import com.doubletime.domain.Platform;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Locked and free cash from what a venue reports and the orders still open on it. Pure functions.
 *
 * <p>Free cash may be negative when a venue reports less than the open orders lock (the venue has already debited
 * a fill we have not heard of yet, or the account was drawn outside the system): it is reported as it is, so the
 * shortfall is visible, and sizing treats it as zero.
 */
public final class CapitalMath {
    private CapitalMath() {}

    /** Cash, locked and free of one venue; only the holds of that venue count. */
    public static VenueCapital capital(VenueCash cash, List<Hold> holds) {
        Platform platform = cash.platform();
        BigDecimal locked = BigDecimal.ZERO;
        Map<Integer, BigDecimal> lockedByShard = new TreeMap<>();
        for (Hold hold : holds) {
            if (hold.platform() != platform) {
                continue;
            }
            locked = locked.add(hold.amount());
            if (platform == Platform.KALSHI) {
                lockedByShard.merge(Math.max(0, hold.exchangeIndex()), hold.amount(), BigDecimal::add);
            }
        }
        if (platform == Platform.POLYMARKET) {
            BigDecimal spendable =
                    cash.allowance() == null ? cash.cash() : cash.cash().min(cash.allowance());
            return new VenueCapital(
                    platform, cash.cash(), cash.allowance(), locked, spendable.subtract(locked), List.of());
        }
        Map<Integer, BigDecimal> cashByShard = new TreeMap<>();
        if (cash.shards().isEmpty()) {
            cashByShard.put(0, cash.cash());
        }
        cash.shards().forEach(shard -> cashByShard.merge(shard.exchangeIndex(), shard.cash(), BigDecimal::add));
        lockedByShard.keySet().forEach(index -> cashByShard.putIfAbsent(index, cash.shardCash(index)));
        List<VenueCapital.ShardCapital> shards = new ArrayList<>();
        cashByShard.forEach((index, shardCash) -> {
            BigDecimal shardLocked = lockedByShard.getOrDefault(index, BigDecimal.ZERO);
            shards.add(new VenueCapital.ShardCapital(index, shardCash, shardLocked, shardCash.subtract(shardLocked)));
        });
        return new VenueCapital(platform, cash.cash(), null, locked, cash.cash().subtract(locked), shards);
    }
}
