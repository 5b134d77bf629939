package com.doubletime.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Codec for an immutable event: locally the same instance is handed on (no copy, no JSON), across the
 * cluster it is written with {@link WireWriter}. The wire form is length-prefixed so it can sit inside
 * a larger buffer.
 */
public abstract class RecordCodec<T> implements MessageCodec<T, T> {
    @Override
    public final void encodeToWire(Buffer buffer, T value) {
        Buffer body = Buffer.buffer(256);
        write(new WireWriter(body), value);
        buffer.appendInt(body.length()).appendBuffer(body);
    }

    @Override
    public final T decodeFromWire(int position, Buffer buffer) {
        return read(new WireReader(buffer, position + 4));
    }

    @Override
    public final T transform(T value) {
        return value;
    }

    @Override
    public final byte systemCodecID() {
        return -1;
    }

    protected abstract void write(WireWriter out, T value);

    protected abstract T read(WireReader in);
}
