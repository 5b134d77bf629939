package com.doubletime.executor.journal;

/**
 * A journal write refused because another executor claimed a newer fencing epoch ({@link JournalEpochs}): this
 * executor is no longer the active one and must stop at once. Never retried: nothing this executor does from now
 * on may be recorded, so nothing it would do may happen.
 */
public final class JournalFencedException extends IllegalStateException {
    private final long epoch;
    private final long newerEpoch;
    private final String newerHolder;

    public JournalFencedException(String table, long epoch, long newerEpoch, String newerHolder) {
        super("trade journal " + table + ": write refused, epoch " + newerEpoch + " was claimed by " + newerHolder
                + " after this executor's epoch " + epoch + "; this executor is no longer active");
        this.epoch = epoch;
        this.newerEpoch = newerEpoch;
        this.newerHolder = newerHolder;
    }

    /** The epoch of the executor whose write was refused. */
    public long epoch() {
        return epoch;
    }

    public long newerEpoch() {
        return newerEpoch;
    }

    public String newerHolder() {
        return newerHolder;
    }
}
