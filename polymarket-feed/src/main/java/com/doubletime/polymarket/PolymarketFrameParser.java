package com.doubletime.polymarket;

import com.doubletime.domain.LevelBuffer;
import com.doubletime.domain.NameTable;
import com.doubletime.domain.Side;
import com.doubletime.feed.FrameFields;
import com.doubletime.feed.JsonTokenizer;
import com.doubletime.feed.JsonTokenizer.Token;
import com.doubletime.feed.MalformedFrameException;
import com.doubletime.feed.MalformedReason;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming parser for the CLOB market channel (polymarket.md §2): a frame is the text {@code PONG}, one
 * JSON object, or a JSON array of objects, dispatched on {@code event_type}. A whole frame is decoded
 * before anything is applied, so a malformed frame is skipped whole. Level order is never relied on.
 */
public final class PolymarketFrameParser {
    private final List<PolymarketUpdate> pool = new ArrayList<>();
    private int count;
    private boolean pong;
    private int ignored;
    private final NameTable assets = new NameTable();
    private final NameTable words = new NameTable();
    private final LevelBuffer eventBids = new LevelBuffer();
    private final LevelBuffer eventAsks = new LevelBuffer();
    private final JsonTokenizer json = new JsonTokenizer();

    /** Decodes a frame; afterwards {@link #updateCount()} and {@link #update(int)} give its items in order. */
    public void parse(String frame) throws MalformedFrameException {
        reset();
        if (frame.length() < 16 && frame.strip().equals("PONG")) {
            pong = true;
            return;
        }
        parse(json.reset(frame));
    }

    /** The same from a slice of a char array (the replay tool's path: no String per frame). */
    public void parse(char[] frame, int offset, int length) throws MalformedFrameException {
        reset();
        if (isPong(frame, offset, length)) {
            pong = true;
            return;
        }
        parse(json.reset(frame, offset, length));
    }

    private void reset() {
        count = 0;
        ignored = 0;
        pong = false;
    }

    private static boolean isPong(char[] frame, int offset, int length) {
        int start = offset;
        int end = offset + length;
        while (start < end && Character.isWhitespace(frame[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(frame[end - 1])) {
            end--;
        }
        return end - start == 4
                && frame[start] == 'P'
                && frame[start + 1] == 'O'
                && frame[start + 2] == 'N'
                && frame[start + 3] == 'G';
    }

    private void parse(JsonTokenizer parser) throws MalformedFrameException {
        Token first = parser.next();
        if (first == Token.START_ARRAY) {
            Token token;
            while ((token = parser.next()) == Token.START_OBJECT) {
                readEvent(parser);
            }
            if (token != Token.END_ARRAY) {
                throw new MalformedFrameException(MalformedReason.SYNTAX, "array element is not an object");
            }
        } else if (first == Token.START_OBJECT) {
            readEvent(parser);
        } else {
            throw new MalformedFrameException(MalformedReason.SYNTAX, "neither PONG, a JSON object nor an array");
        }
        if (parser.next() != null) {
            throw new MalformedFrameException(MalformedReason.SYNTAX, "trailing content after the JSON value");
        }
    }

    public boolean isPong() {
        return pong;
    }

    public int updateCount() {
        return count;
    }

    public PolymarketUpdate update(int index) {
        return pool.get(index);
    }

    /** Events understood but carrying nothing for the books ({@code last_trade_price}, {@code best_bid_ask}, …). */
    public int ignoredEvents() {
        return ignored;
    }

    private void readEvent(JsonTokenizer parser) throws MalformedFrameException {
        int firstChange = count;
        String eventType = null;
        String assetId = null;
        long timestamp = PolymarketUpdate.ABSENT;
        long newTick = PolymarketUpdate.ABSENT;
        boolean sawBids = false;
        boolean sawAsks = false;
        boolean legacyChanges = false;
        eventBids.clear();
        eventAsks.clear();
        // Fields may come in any order, so levels and changes are collected before the type is known.
        while (parser.next() == Token.FIELD_NAME) {
            String field = parser.currentName();
            Token value = parser.next();
            switch (field) {
                case "event_type" -> eventType = FrameFields.name(parser, value, "event_type", words);
                case "asset_id" -> assetId = FrameFields.name(parser, value, "asset_id", assets);
                case "timestamp" -> timestamp = FrameFields.integerOrText(parser, value, PolymarketUpdate.ABSENT);
                case "new_tick_size" -> newTick = FrameFields.decimal(parser, value, "new_tick_size");
                case "bids", "buys" -> {
                    readLevels(parser, value, eventBids, field);
                    sawBids = true;
                }
                case "asks", "sells" -> {
                    readLevels(parser, value, eventAsks, field);
                    sawAsks = true;
                }
                case "price_changes" -> readChanges(parser, value, field);
                case "changes" -> {
                    legacyChanges = true;
                    parser.skipChildren();
                }
                default -> parser.skipChildren();
            }
        }
        if (eventType == null) {
            throw new MalformedFrameException(MalformedReason.MISSING_FIELD, "event without event_type");
        }
        if (!"price_change".equals(eventType) && count != firstChange) {
            throw new MalformedFrameException(MalformedReason.BAD_VALUE, eventType + " carries price changes");
        }
        switch (eventType) {
            case "book" -> {
                if (assetId == null || !sawBids || !sawAsks) {
                    throw new MalformedFrameException(
                            MalformedReason.MISSING_FIELD, "book without asset_id, bids or asks");
                }
                PolymarketUpdate book = next(PolymarketUpdate.Kind.BOOK);
                copy(eventBids, book.bids);
                copy(eventAsks, book.asks);
                stamp(book, assetId, timestamp);
            }
            case "price_change" -> {
                if (legacyChanges && count == firstChange) {
                    // retired on 15 Sep 2025; a venue rolling back would show up under its own reason
                    throw new MalformedFrameException(
                            MalformedReason.LEGACY_PRICE_CHANGE,
                            "price_change in the flat schema retired in September 2025 (changes, no price_changes)");
                }
                if (count == firstChange) {
                    throw new MalformedFrameException(
                            MalformedReason.MISSING_FIELD, "price_change without price_changes");
                }
                for (int i = firstChange; i < count; i++) {
                    PolymarketUpdate change = pool.get(i);
                    if (change.assetId == null) {
                        throw new MalformedFrameException(
                                MalformedReason.MISSING_FIELD, "price_change entry without asset_id");
                    }
                    stamp(change, change.assetId, timestamp);
                }
            }
            case "tick_size_change" -> {
                if (assetId == null || newTick == PolymarketUpdate.ABSENT) {
                    throw new MalformedFrameException(
                            MalformedReason.MISSING_FIELD, "tick_size_change without asset_id or new_tick_size");
                }
                PolymarketUpdate tick = next(PolymarketUpdate.Kind.TICK_SIZE);
                tick.tickSize = newTick;
                stamp(tick, assetId, timestamp);
            }
            default -> ignored++;
        }
    }

    private static void stamp(PolymarketUpdate update, String assetId, long timestamp) {
        update.assetId = assetId;
        update.timestampMillis = timestamp;
    }

    private static void copy(LevelBuffer from, LevelBuffer to) {
        for (int i = 0; i < from.count(); i++) {
            to.add(from.price(i), from.size(i));
        }
    }

    private void readChanges(JsonTokenizer parser, Token start, String field) throws MalformedFrameException {
        if (start != Token.START_ARRAY) {
            throw new MalformedFrameException(MalformedReason.BAD_VALUE, field + " is not an array");
        }
        while (parser.next() == Token.START_OBJECT) {
            PolymarketUpdate change = next(PolymarketUpdate.Kind.LEVEL);
            String side = null;
            while (parser.next() == Token.FIELD_NAME) {
                String name = parser.currentName();
                Token value = parser.next();
                switch (name) {
                    case "asset_id" -> change.assetId = FrameFields.name(parser, value, "asset_id", assets);
                    case "price" -> change.price = FrameFields.decimal(parser, value, "price");
                    case "size" -> change.size = FrameFields.decimal(parser, value, "size");
                    case "side" -> side = FrameFields.name(parser, value, "side", words);
                    case "best_bid" -> change.bestBid = optionalDecimal(parser, value);
                    case "best_ask" -> change.bestAsk = optionalDecimal(parser, value);
                    default -> parser.skipChildren();
                }
            }
            if (change.price == PolymarketUpdate.ABSENT || change.size == PolymarketUpdate.ABSENT || side == null) {
                throw new MalformedFrameException(
                        MalformedReason.MISSING_FIELD, field + " entry without price, size or side");
            }
            FrameFields.price(change.price, field);
            FrameFields.size(change.size, field);
            change.side = switch (side) {
                case "BUY" -> Side.BID;
                case "SELL" -> Side.ASK;
                default ->
                    throw new MalformedFrameException(
                            MalformedReason.BAD_VALUE, field + " side is neither BUY nor SELL: " + side);
            };
        }
        if (parser.currentToken() != Token.END_ARRAY) {
            throw new MalformedFrameException(MalformedReason.SYNTAX, field + " entry is not an object");
        }
    }

    private static void readLevels(JsonTokenizer parser, Token start, LevelBuffer levels, String field)
            throws MalformedFrameException {
        if (start == Token.NULL) {
            return;
        }
        if (start != Token.START_ARRAY) {
            throw new MalformedFrameException(MalformedReason.BAD_VALUE, field + " is not an array");
        }
        while (parser.next() == Token.START_OBJECT) {
            long price = PolymarketUpdate.ABSENT;
            long size = PolymarketUpdate.ABSENT;
            while (parser.next() == Token.FIELD_NAME) {
                String name = parser.currentName();
                Token value = parser.next();
                switch (name) {
                    case "price" -> price = FrameFields.decimal(parser, value, field, "price");
                    case "size" -> size = FrameFields.decimal(parser, value, field, "size");
                    default -> parser.skipChildren();
                }
            }
            if (price == PolymarketUpdate.ABSENT || size == PolymarketUpdate.ABSENT) {
                throw new MalformedFrameException(
                        MalformedReason.MISSING_FIELD, field + " level without price or size");
            }
            levels.add(FrameFields.price(price, field), FrameFields.size(size, field));
        }
        if (parser.currentToken() != Token.END_ARRAY) {
            throw new MalformedFrameException(MalformedReason.SYNTAX, field + " level is not an object");
        }
    }

    private PolymarketUpdate next(PolymarketUpdate.Kind kind) {
        if (count == pool.size()) {
            pool.add(new PolymarketUpdate());
        }
        PolymarketUpdate update = pool.get(count++);
        update.reset(kind);
        return update;
    }

    private static long optionalDecimal(JsonTokenizer parser, Token token) throws MalformedFrameException {
        if (token == Token.NULL) {
            return PolymarketUpdate.ABSENT;
        }
        return FrameFields.decimal(parser, token, "best price");
    }
}
