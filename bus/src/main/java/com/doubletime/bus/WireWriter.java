package com.doubletime.bus;

import io.vertx.core.buffer.Buffer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Appends length-prefixed fields to a Buffer: the one wire idiom of every codec here. */
public final class WireWriter {
    private final Buffer buffer;

    WireWriter(Buffer buffer) {
        this.buffer = buffer;
    }

    public WireWriter string(String value) {
        if (value == null) {
            buffer.appendInt(-1);
        } else {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            buffer.appendInt(bytes.length).appendBytes(bytes);
        }
        return this;
    }

    public WireWriter decimal(BigDecimal value) {
        return string(value.toPlainString());
    }

    /** A decimal that may be absent (null). */
    public WireWriter optionalDecimal(BigDecimal value) {
        return string(value == null ? null : value.toPlainString());
    }

    /** An enum constant by its name: stable when constants are added or reordered, unlike the ordinal. */
    public WireWriter enumName(Enum<?> value) {
        return string(value == null ? null : value.name());
    }

    public WireWriter longValue(long value) {
        buffer.appendLong(value);
        return this;
    }

    public WireWriter intValue(int value) {
        buffer.appendInt(value);
        return this;
    }

    public WireWriter byteValue(int value) {
        buffer.appendByte((byte) value);
        return this;
    }

    public WireWriter bool(boolean value) {
        buffer.appendByte((byte) (value ? 1 : 0));
        return this;
    }

    public WireWriter longs(long[] values) {
        buffer.appendInt(values.length);
        for (long value : values) {
            buffer.appendLong(value);
        }
        return this;
    }

    /**
     * A value as a JSON reader produced it (null, string, boolean, whole or decimal number, map, list), with a
     * tag, so that the receiver's validator sees the same kinds of value the sender's client sent.
     *
     * @throws IllegalArgumentException for any other type
     */
    public WireWriter plainValue(Object value) {
        if (value == null) {
            return byteValue(PlainTag.NULL);
        }
        if (value instanceof String text) {
            return byteValue(PlainTag.STRING).string(text);
        }
        if (value instanceof Boolean flag) {
            return byteValue(PlainTag.BOOLEAN).bool(flag);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return byteValue(PlainTag.WHOLE).string(value.toString());
        }
        if (value instanceof BigInteger whole) {
            return byteValue(PlainTag.WHOLE).string(whole.toString());
        }
        if (value instanceof BigDecimal decimal) {
            return byteValue(PlainTag.DECIMAL).string(decimal.toString());
        }
        if (value instanceof Double || value instanceof Float) {
            return byteValue(PlainTag.DECIMAL).string(new BigDecimal(value.toString()).toString());
        }
        if (value instanceof Map<?, ?> map) {
            byteValue(PlainTag.MAP).intValue(map.size());
            map.forEach((key, entry) -> string(String.valueOf(key)).plainValue(entry));
            return this;
        }
        if (value instanceof List<?> list) {
            byteValue(PlainTag.LIST).intValue(list.size());
            list.forEach(this::plainValue);
            return this;
        }
        throw new IllegalArgumentException("cannot write a " + value.getClass().getSimpleName() + " on the bus");
    }

    /** The tags of {@link #plainValue}. */
    static final class PlainTag {
        static final int NULL = 0;
        static final int STRING = 1;
        static final int BOOLEAN = 2;
        static final int WHOLE = 3;
        static final int DECIMAL = 4;
        static final int MAP = 5;
        static final int LIST = 6;

        private PlainTag() {}
    }
}
