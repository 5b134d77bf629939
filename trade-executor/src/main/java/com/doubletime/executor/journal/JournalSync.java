package com.doubletime.executor.journal;

import java.util.Locale;

/**
 * When the file journal counts an entry as recorded (executor config {@code journalSync}).
 *
 * <p>{@link #FDATASYNC}, the default: the entry is forced to the device ({@code fdatasync}) before the append
 * completes and before anything is acknowledged. The order path writes its decision and requests first and flushes
 * them while the orders are in flight (trade-executor README, "Durability contract"): a power cut can lose those
 * lines, and the live restart imports the orders from the venues' records ({@code recovery.VenueOrderImport}).
 *
 * <p>{@link #WRITE_ONLY} completes once the bytes are handed to the operating system ({@code write(2)}): they
 * survive the process dying (kill -9, a JVM crash) but <em>not</em> a power cut or a kernel crash, which can
 * lose the last seconds of the journal (Linux writes dirty pages back within about 30 s) — including the
 * REQUESTED records of orders that were sent. Trades what a slow disk's flush costs on the order path (one
 * {@code fdatasync} is about 2 ms at the median and 10 ms at p99 on the shared VM) for that exposure;
 * refused unless chosen explicitly, and logged at start. The PostgreSQL journal ignores it (its equivalent is
 * the server's {@code synchronous_commit}).
 */
public enum JournalSync {
    FDATASYNC("fdatasync"),
    WRITE_ONLY("write-only");

    private final String wireName;

    JournalSync(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static JournalSync fromWireName(String value) {
        for (JournalSync sync : values()) {
            if (sync.wireName.equals(value.toLowerCase(Locale.ROOT))) {
                return sync;
            }
        }
        throw new IllegalArgumentException("executor.journalSync must be fdatasync or write-only, got " + value);
    }
}
