package com.doubletime.polymarket;

/** A frame that does not follow the Polymarket market-channel format; counted and skipped. */
public final class MalformedFrameException extends Exception {
    public MalformedFrameException(String message) {
        super(message, null, false, false);
    }
}
