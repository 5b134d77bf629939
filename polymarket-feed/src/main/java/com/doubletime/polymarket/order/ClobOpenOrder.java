package com.doubletime.polymarket.order;

import java.util.List;

/**
 * The venue's record of one order, {@code GET /data/order/<hash>} (polymarket.md §3.5, CCv2 {@code OpenOrder}):
 * how much of it matched is the venue's word, whatever an earlier reply said. Sizes and the price are
 * {@link com.doubletime.domain.FixedPoint}.
 *
 * @param status upper case without the newer {@code ORDER_STATUS_} prefix: {@code LIVE}, {@code MATCHED},
 *     {@code CANCELED}, {@code DELAYED}, {@code UNMATCHED}, {@code INVALID}, …
 * @param price the order's limit price, not an average of its fills
 */
public record ClobOpenOrder(
        String id,
        String status,
        String market,
        String assetId,
        String side,
        long originalSize,
        long sizeMatched,
        long price,
        List<String> associateTrades,
        String orderType) {
    public ClobOpenOrder {
        associateTrades = List.copyOf(associateTrades);
    }
}
