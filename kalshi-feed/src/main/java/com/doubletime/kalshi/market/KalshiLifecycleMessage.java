package com.doubletime.kalshi.market;

/**
 * One {@code market_lifecycle_v2} message (kalshi.md §3.7; AsyncAPI {@code marketLifecycleV2Payload}): which market,
 * which event, and the fields that event carries. Absent numbers are {@link #ABSENT}, absent texts null.
 *
 * @param eventType          {@code created}, {@code activated}, {@code deactivated}, {@code close_date_updated},
 *                           {@code determined}, {@code settled}, {@code price_level_structure_updated},
 *                           {@code metadata_updated}
 * @param closeTs            Unix seconds, on {@code created} and {@code close_date_updated}
 * @param expectedExpirationTs Unix seconds, {@code additional_metadata.expected_expiration_ts} on {@code created}
 * @param exchangeIndex      the shard, on {@code created}
 * @param result             on {@code determined}
 * @param settlementValue    fixed-point dollars per YES, on {@code determined}
 * @param isDeactivated      on pause / unpause: 1 true, 0 false, -1 absent
 */
public record KalshiLifecycleMessage(
        long sid,
        long seq,
        String ticker,
        String eventType,
        long closeTs,
        long expectedExpirationTs,
        int exchangeIndex,
        String result,
        long settlementValue,
        int isDeactivated) {
    public static final long ABSENT = Long.MIN_VALUE;
}
