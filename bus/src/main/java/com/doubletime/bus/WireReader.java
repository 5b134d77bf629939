package com.doubletime.bus;

import io.vertx.core.buffer.Buffer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/** Reads what {@link WireWriter} wrote, in the same order. */
public final class WireReader {
    private final Buffer buffer;
    private int position;

    WireReader(Buffer buffer, int position) {
        this.buffer = buffer;
        this.position = position;
    }

    public String string() {
        int length = buffer.getInt(position);
        position += 4;
        if (length < 0) {
            return null;
        }
        String value = buffer.getString(position, position + length, StandardCharsets.UTF_8.name());
        position += length;
        return value;
    }

    public BigDecimal decimal() {
        return new BigDecimal(string());
    }

    public long longValue() {
        long value = buffer.getLong(position);
        position += 8;
        return value;
    }

    public int intValue() {
        int value = buffer.getInt(position);
        position += 4;
        return value;
    }

    public int byteValue() {
        return buffer.getByte(position++);
    }

    public boolean bool() {
        return buffer.getByte(position++) != 0;
    }

    public long[] longs() {
        long[] values = new long[intValue()];
        for (int i = 0; i < values.length; i++) {
            values[i] = longValue();
        }
        return values;
    }

    public int position() {
        return position;
    }
}
