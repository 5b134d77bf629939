package com.doubletime.feed;

/** A frame that does not follow its venue's wire format; counted and skipped, never fatal. */
public final class MalformedFrameException extends Exception {
    public MalformedFrameException(String message) {
        super(message, null, false, false);
    }
}
