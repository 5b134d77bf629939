package com.doubletime.feed;

/** A frame that does not follow its venue's wire format; counted by reason and skipped, never fatal. */
public final class MalformedFrameException extends Exception {
    private final MalformedReason reason;

    public MalformedFrameException(MalformedReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public MalformedReason reason() {
        return reason;
    }
}
