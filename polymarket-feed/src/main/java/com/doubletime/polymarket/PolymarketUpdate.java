package com.doubletime.polymarket;

import com.doubletime.domain.LevelBuffer;
import com.doubletime.domain.Side;

/**
 * One book-relevant item decoded from a market-channel frame: a whole {@code book}, one entry of a
 * {@code price_change}, or a {@code tick_size_change}. Pooled and reused by {@link PolymarketFrameParser}.
 */
public final class PolymarketUpdate {
    public enum Kind {
        BOOK,
        LEVEL,
        TICK_SIZE
    }

    public static final long ABSENT = Long.MIN_VALUE;

    Kind kind;
    String assetId;
    final LevelBuffer bids = new LevelBuffer();
    final LevelBuffer asks = new LevelBuffer();
    Side side;
    long price;
    long size;
    long bestBid;
    long bestAsk;
    long tickSize;
    long timestampMillis;

    void reset(Kind kind) {
        this.kind = kind;
        assetId = null;
        bids.clear();
        asks.clear();
        side = null;
        price = ABSENT;
        size = ABSENT;
        bestBid = ABSENT;
        bestAsk = ABSENT;
        tickSize = ABSENT;
        timestampMillis = ABSENT;
    }

    public Kind kind() {
        return kind;
    }

    public String assetId() {
        return assetId;
    }

    public LevelBuffer bids() {
        return bids;
    }

    public LevelBuffer asks() {
        return asks;
    }

    public Side side() {
        return side;
    }

    public long price() {
        return price;
    }

    /** New absolute size of the level; zero removes it. */
    public long size() {
        return size;
    }

    public long bestBid() {
        return bestBid;
    }

    public long bestAsk() {
        return bestAsk;
    }

    public long tickSize() {
        return tickSize;
    }

    public long timestampMillis() {
        return timestampMillis;
    }
}
