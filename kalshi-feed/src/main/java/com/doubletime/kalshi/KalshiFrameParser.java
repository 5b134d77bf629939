package com.doubletime.kalshi;

import com.doubletime.domain.LevelBuffer;
import com.doubletime.domain.NameTable;
import com.doubletime.feed.FrameFields;
import com.doubletime.feed.JsonTokenizer;
import com.doubletime.feed.JsonTokenizer.Token;
import com.doubletime.feed.MalformedFrameException;
import com.doubletime.feed.MalformedReason;

/**
 * Streaming parser for Kalshi WS v2 frames (kalshi.md §3.3–3.4): {@code orderbook_snapshot} with
 * {@code yes_dollars_fp}/{@code no_dollars_fp}, {@code orderbook_delta} with {@code price_dollars} and a
 * signed {@code delta_fp}, and the command replies. Field order is not relied on (the {@code type} may
 * come after {@code msg}), decimals are accepted as strings or JSON numbers, a missing side is empty.
 */
public final class KalshiFrameParser {
    private final KalshiMessage message = new KalshiMessage();
    private final NameTable tickers = new NameTable();
    private final NameTable words = new NameTable();
    private final JsonTokenizer json = new JsonTokenizer();

    KalshiMessage message() {
        return message;
    }

    /** Decodes one text frame into the reused {@link KalshiMessage}. */
    public KalshiMessage parse(String frame) throws MalformedFrameException {
        return parse(json.reset(frame));
    }

    /** The same from a slice of a char array (the replay tool's path: no String per frame). */
    public KalshiMessage parse(char[] frame, int offset, int length) throws MalformedFrameException {
        return parse(json.reset(frame, offset, length));
    }

    private KalshiMessage parse(JsonTokenizer parser) throws MalformedFrameException {
        message.reset();
        if (parser.next() != Token.START_OBJECT) {
            throw new MalformedFrameException(MalformedReason.SYNTAX, "not a JSON object");
        }
        readEnvelope(parser);
        if (parser.next() != null) {
            throw new MalformedFrameException(MalformedReason.SYNTAX, "trailing content after the JSON object");
        }
        classify();
        return message;
    }

    private void readEnvelope(JsonTokenizer parser) throws MalformedFrameException {
        while (parser.next() == Token.FIELD_NAME) {
            String field = parser.currentName();
            Token value = parser.next();
            switch (field) {
                case "type" -> message.typeName = FrameFields.name(parser, value, "type", words);
                case "id" -> message.id = FrameFields.integer(parser, value, "id");
                case "sid" -> message.sid = FrameFields.integer(parser, value, "sid");
                case "seq" -> message.seq = FrameFields.integer(parser, value, "seq");
                case "msg" -> {
                    if (value == Token.START_OBJECT) {
                        readMsg(parser);
                    } else {
                        parser.skipChildren();
                    }
                }
                default -> parser.skipChildren();
            }
        }
    }

    private void readMsg(JsonTokenizer parser) throws MalformedFrameException {
        while (parser.next() == Token.FIELD_NAME) {
            String field = parser.currentName();
            Token value = parser.next();
            switch (field) {
                case "market_ticker" ->
                    message.marketTicker = FrameFields.name(parser, value, "market_ticker", tickers);
                case "market_tickers" -> readTickers(parser, value);
                case "yes_dollars_fp" -> readLevels(parser, value, message.yesLevels, "yes_dollars_fp");
                case "no_dollars_fp" -> readLevels(parser, value, message.noLevels, "no_dollars_fp");
                case "price_dollars" -> message.price = FrameFields.decimal(parser, value, "price_dollars");
                case "delta_fp" -> message.delta = FrameFields.decimal(parser, value, "delta_fp");
                case "side" -> message.side = FrameFields.name(parser, value, "side", words);
                case "ts_ms" -> message.tsMillis = FrameFields.integer(parser, value, "ts_ms");
                case "code" -> message.errorCode = FrameFields.integer(parser, value, "code");
                case "msg" -> message.errorMessage = value == Token.STRING ? parser.text() : null;
                case "channel" -> message.channel = value == Token.STRING ? parser.text() : null;
                case "sid" -> {
                    // a subscribed ack carries its sid inside msg
                    if (message.sid == KalshiMessage.ABSENT) {
                        message.sid = FrameFields.integer(parser, value, "msg.sid");
                    }
                }
                default -> parser.skipChildren();
            }
        }
    }

    /** Replies list tickers (an update's result, the markets an error is about); control frames only. */
    private void readTickers(JsonTokenizer parser, Token start) throws MalformedFrameException {
        if (start != Token.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        Token token;
        while ((token = parser.next()) != Token.END_ARRAY) {
            message.marketTickers.add(FrameFields.name(parser, token, "market_tickers", tickers));
        }
    }

    private void readLevels(JsonTokenizer parser, Token start, LevelBuffer levels, String field)
            throws MalformedFrameException {
        if (start == Token.NULL) {
            return;
        }
        if (start != Token.START_ARRAY) {
            throw new MalformedFrameException(MalformedReason.BAD_VALUE, field + " is not an array");
        }
        while (parser.next() == Token.START_ARRAY) {
            long price = FrameFields.decimal(parser, parser.next(), field, "price");
            long size = FrameFields.decimal(parser, parser.next(), field, "size");
            if (parser.next() != Token.END_ARRAY) {
                throw new MalformedFrameException(MalformedReason.SYNTAX, field + " level is not a [price, size] pair");
            }
            levels.add(FrameFields.price(price, field), FrameFields.size(size, field));
        }
        if (parser.currentToken() != Token.END_ARRAY) {
            throw new MalformedFrameException(MalformedReason.SYNTAX, field + " level is not a [price, size] pair");
        }
    }

    private void classify() throws MalformedFrameException {
        if (message.typeName == null) {
            throw new MalformedFrameException(MalformedReason.MISSING_FIELD, "no type");
        }
        message.type = switch (message.typeName) {
            case "orderbook_snapshot" -> KalshiMessage.Type.ORDERBOOK_SNAPSHOT;
            case "orderbook_delta" -> KalshiMessage.Type.ORDERBOOK_DELTA;
            case "subscribed" -> KalshiMessage.Type.SUBSCRIBED;
            case "ok" -> KalshiMessage.Type.OK;
            case "error" -> KalshiMessage.Type.ERROR;
            case "unsubscribed" -> KalshiMessage.Type.UNSUBSCRIBED;
            default -> KalshiMessage.Type.OTHER;
        };
        switch (message.type) {
            case ORDERBOOK_SNAPSHOT -> requireBookFields();
            case ORDERBOOK_DELTA -> {
                requireBookFields();
                if (message.price == KalshiMessage.ABSENT || message.delta == KalshiMessage.ABSENT) {
                    throw new MalformedFrameException(
                            MalformedReason.MISSING_FIELD, "orderbook_delta without price_dollars or delta_fp");
                }
                FrameFields.price(message.price, "price_dollars");
                if (!"yes".equals(message.side) && !"no".equals(message.side)) {
                    throw new MalformedFrameException(
                            MalformedReason.BAD_VALUE, "orderbook_delta side is neither yes nor no: " + message.side);
                }
            }
            default -> {}
        }
    }

    private void requireBookFields() throws MalformedFrameException {
        if (message.marketTicker == null || message.marketTicker.isEmpty()) {
            throw new MalformedFrameException(
                    MalformedReason.MISSING_FIELD, message.typeName + " without market_ticker");
        }
        if (message.sid == KalshiMessage.ABSENT || message.seq == KalshiMessage.ABSENT) {
            throw new MalformedFrameException(MalformedReason.MISSING_FIELD, message.typeName + " without sid or seq");
        }
    }
}
