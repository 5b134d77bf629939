package com.doubletime.kalshi;

import com.doubletime.domain.LevelBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One decoded Kalshi WS frame. Reused frame after frame by {@link KalshiFrameParser}: read it before
 * the next parse.
 */
public final class KalshiMessage {
    public enum Type {
        ORDERBOOK_SNAPSHOT,
        ORDERBOOK_DELTA,
        SUBSCRIBED,
        OK,
        ERROR,
        UNSUBSCRIBED,
        OTHER
    }

    /** Marks an absent numeric field. */
    public static final long ABSENT = Long.MIN_VALUE;

    Type type;
    String typeName;
    long id;
    long sid;
    long seq;
    String marketTicker;
    final List<String> marketTickers = new ArrayList<>();
    final LevelBuffer yesLevels = new LevelBuffer();
    final LevelBuffer noLevels = new LevelBuffer();
    long price;
    long delta;
    String side;
    long tsMillis;
    long errorCode;
    String errorMessage;
    String channel;

    void reset() {
        type = null;
        typeName = null;
        id = ABSENT;
        sid = ABSENT;
        seq = ABSENT;
        marketTicker = null;
        marketTickers.clear();
        yesLevels.clear();
        noLevels.clear();
        price = ABSENT;
        delta = ABSENT;
        side = null;
        tsMillis = ABSENT;
        errorCode = ABSENT;
        errorMessage = null;
        channel = null;
    }

    public Type type() {
        return type;
    }

    public String typeName() {
        return typeName;
    }

    public long id() {
        return id;
    }

    public long sid() {
        return sid;
    }

    public long seq() {
        return seq;
    }

    public String marketTicker() {
        return marketTicker;
    }

    /** {@code msg.market_tickers} of a reply (an update's result, the markets an error names); reused. */
    public List<String> marketTickers() {
        return marketTickers;
    }

    /** YES bids, in the order received. */
    public LevelBuffer yesLevels() {
        return yesLevels;
    }

    /** NO bids as sent: NO prices, or YES prices when subscribed with {@code use_yes_price: true}. */
    public LevelBuffer noLevels() {
        return noLevels;
    }

    public long price() {
        return price;
    }

    public long delta() {
        return delta;
    }

    /** {@code yes} or {@code no}. */
    public String side() {
        return side;
    }

    public long tsMillis() {
        return tsMillis;
    }

    public long errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public String channel() {
        return channel;
    }
}
