package com.doubletime.bus;

import io.vertx.core.buffer.Buffer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what {@link WireWriter} wrote, in the same order. */
public final class WireReader {
    /** A whole number of fewer bits than this is read back as a Long, as a JSON reader gives it. */
    private static final int LONG_BITS = 63;

    private final Buffer buffer;
    private int position;

    WireReader(Buffer buffer, int position) {
        this.buffer = buffer;
        this.position = position;
    }

    public String string() {
        int length = buffer.getInt(position);
        position += Integer.BYTES;
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

    /** A decimal {@link WireWriter#optionalDecimal} wrote; null when absent. */
    public BigDecimal optionalDecimal() {
        String text = string();
        return text == null ? null : new BigDecimal(text);
    }

    /**
     * An enum constant written by {@link WireWriter#enumName}; null when null was written.
     *
     * @throws IllegalStateException naming the enum and the unknown name (a member of another build)
     */
    public <E extends Enum<E>> E enumValue(Class<E> type) {
        String name = string();
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("unknown " + type.getSimpleName() + " '" + name
                    + "' on the bus; the cluster members run different builds");
        }
    }

    public long longValue() {
        long value = buffer.getLong(position);
        position += Long.BYTES;
        return value;
    }

    public int intValue() {
        int value = buffer.getInt(position);
        position += Integer.BYTES;
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

    /** A value written by {@link WireWriter#plainValue}: whole numbers come back as Long when they fit. */
    public Object plainValue() {
        int tag = byteValue();
        return switch (tag) {
            case WireWriter.PlainTag.NULL -> null;
            case WireWriter.PlainTag.STRING -> string();
            case WireWriter.PlainTag.BOOLEAN -> bool();
            case WireWriter.PlainTag.WHOLE -> {
                BigInteger whole = new BigInteger(string());
                yield whole.bitLength() < LONG_BITS ? (Object) whole.longValue() : whole;
            }
            case WireWriter.PlainTag.DECIMAL -> decimal();
            case WireWriter.PlainTag.MAP -> {
                int size = intValue();
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put(string(), plainValue());
                }
                yield map;
            }
            case WireWriter.PlainTag.LIST -> {
                int size = intValue();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(plainValue());
                }
                yield list;
            }
            default -> throw new IllegalStateException("unknown value tag " + tag + " on the bus");
        };
    }

    public int position() {
        return position;
    }
}
