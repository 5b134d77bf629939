package com.doubletime.bus;

import io.vertx.core.buffer.Buffer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

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
}
