package com.doubletime.bus;

/**
 * A message written by a cluster member whose codec has another layout version than this one: the members
 * run different builds. Thrown while decoding, before any field is read, so nothing is misread.
 */
public final class WireVersionException extends IllegalStateException {
    private final String codec;
    private final int received;
    private final int expected;

    public WireVersionException(String codec, int received, int expected) {
        super(codec + ": wire version " + received + " received, this build reads version " + expected
                + "; the cluster members run different builds (deploy one build everywhere)");
        this.codec = codec;
        this.received = received;
        this.expected = expected;
    }

    public String codec() {
        return codec;
    }

    public int received() {
        return received;
    }

    public int expected() {
        return expected;
    }
}
