package com.doubletime.executor.failover;

import java.util.function.Supplier;

/**
 * Whether the active executor may still send an order, asked right before each one leaves (entry, re-hedge and
 * unwind orders alike, by {@link FencedGateway}): only while it holds the active lease by its own monotonic clock
 * ({@code ActiveLease#notHeldBecause}) and no newer fencing epoch is known. The journal fences independently of
 * this gate: every order's request is journaled, under this executor's epoch, before the order is sent, and that
 * write fails once a newer epoch was claimed ({@code JournalEpochs}).
 *
 * <p>Thread-safe: the lease is renewed on the fail-over verticle's event loop, orders leave on the executor's.
 */
public final class FencingGate {
    private final Supplier<String> leaseNotHeld;
    private final long epoch;
    private volatile String fencedOut;

    /**
     * @param leaseNotHeld why the lease is not held now, or null while it is
     * @param epoch        the fencing epoch this executor trades under
     */
    public FencingGate(Supplier<String> leaseNotHeld, long epoch) {
        this.leaseNotHeld = leaseNotHeld;
        this.epoch = epoch;
    }

    /** Why no order may leave now, or null when it may. */
    public String refusal() {
        String fenced = fencedOut;
        if (fenced != null) {
            return "not sent: " + fenced;
        }
        String lapsed = leaseNotHeld.get();
        return lapsed == null ? null : "not sent: " + lapsed + " (epoch " + epoch + ")";
    }

    /** A newer epoch exists (or this executor stood down): closed for good. */
    public void fenceOut(String why) {
        if (fencedOut == null) {
            fencedOut = why;
        }
    }

    public long epoch() {
        return epoch;
    }
}
