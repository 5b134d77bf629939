package com.doubletime.kalshi;

/** A frame that does not follow the Kalshi wire format; counted and skipped, never fatal. */
public final class MalformedFrameException extends Exception {
    public MalformedFrameException(String message) {
        super(message, null, false, false);
    }
}
