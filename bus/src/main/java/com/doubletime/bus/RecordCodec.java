package com.doubletime.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Codec for an immutable record: locally the same instance is handed on (no copy, no JSON), across the
 * cluster it is written with {@link WireWriter}. The wire form is length-prefixed so it can sit inside a
 * larger buffer, and starts with the codec's {@linkplain #wireVersion() version byte}: a member of another
 * build that reads a different layout fails loudly ({@link WireVersionException}) instead of misreading
 * fields. Enums cross by name, never by ordinal, so reordering an enum cannot change a message's meaning.
 *
 * <p>Bump a codec's version whenever its layout changes (a field added, removed or reordered); a record
 * written inside another ({@link #writeNested}) carries its own version byte.
 */
public abstract class RecordCodec<T> implements MessageCodec<T, T> {
    private static final int INITIAL_BODY_BYTES = 256;

    @Override
    public final void encodeToWire(Buffer buffer, T value) {
        Buffer body = Buffer.buffer(INITIAL_BODY_BYTES);
        writeNested(new WireWriter(body), value);
        buffer.appendInt(body.length()).appendBuffer(body);
    }

    @Override
    public final T decodeFromWire(int position, Buffer buffer) {
        return readNested(new WireReader(buffer, position + Integer.BYTES));
    }

    @Override
    public final T transform(T value) {
        return value;
    }

    @Override
    public final byte systemCodecID() {
        return -1;
    }

    /** The layout version this build writes and reads (1 to 127). */
    protected abstract int wireVersion();

    protected abstract void write(WireWriter out, T value);

    protected abstract T read(WireReader in);

    /** The value with its version byte, inside another codec's message. */
    final void writeNested(WireWriter out, T value) {
        out.byteValue(wireVersion());
        write(out, value);
    }

    /** A value {@link #writeNested} wrote; the version byte is checked first. */
    final T readNested(WireReader in) {
        int version = in.byteValue();
        if (version != wireVersion()) {
            throw new WireVersionException(name(), version, wireVersion());
        }
        return read(in);
    }
}
