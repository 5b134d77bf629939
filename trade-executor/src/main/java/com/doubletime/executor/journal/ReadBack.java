package com.doubletime.executor.journal;

import com.doubletime.domain.trade.JournalEntry;

/**
 * What reading a journal back at start-up finds, oldest first: every entry with where it is, and every line (or
 * row) that cannot be read, with where it is and what is wrong. Nothing unreadable is skipped silently: the
 * executor treats it as a damaged journal.
 */
public interface ReadBack {
    /** @param where the entry's place, for messages: {@code data/trades.jsonl line 12}, {@code trade_journal seq 7} */
    void entry(JournalEntry entry, String where);

    /** @param problem what is wrong, e.g. {@code malformed trade entry: Character x is neither a decimal digit…} */
    void unreadable(String where, String problem);
}
