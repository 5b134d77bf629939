package com.doubletime.cluster;

/**
 * One feed instance's claim on one market until {@code expiresAtMillis} (wall clock, epoch millis). Stored in
 * the cluster map as the string {@code owner@expiresAtMillis}; every change is a compare-and-set on that exact
 * string, so two instances can never both believe they renewed or took the same lease.
 */
public record MarketLease(String owner, long expiresAtMillis) {
    public MarketLease {
        if (owner == null || owner.isBlank() || owner.indexOf('@') >= 0) {
            throw new IllegalArgumentException("lease owner must be a non-blank id without '@', got " + owner);
        }
    }

    public boolean expiredAt(long nowMillis) {
        return nowMillis >= expiresAtMillis;
    }

    public String encode() {
        return owner + "@" + expiresAtMillis;
    }

    /** @throws IllegalArgumentException when the text is not an encoded lease */
    public static MarketLease decode(String text) {
        int at = text == null ? -1 : text.lastIndexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("not a lease: " + text);
        }
        try {
            return new MarketLease(text.substring(0, at), Long.parseLong(text.substring(at + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a lease: " + text, e);
        }
    }
}
