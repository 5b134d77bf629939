package com.doubletime.executor.recovery;

import com.doubletime.bus.protocol.ControlCommand;
import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.trade.ControlChange;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.executor.journal.ReadBack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The journal as start-up folds it: each event once, by its {@linkplain TradeJournalJson#eventId event id} (a line
 * copied twice is one trade, not two: the repeat is ignored and counted), and every line that cannot be read
 * collected as <em>damage</em>, named by where it is and what is wrong. An event id repeated with different content is
 * damage too: which of the two happened cannot be told.
 *
 * <p>An operator's acknowledgement ({@link ControlCommand.Acknowledge}, journaled) covers the damage before it: the
 * journal only grows, so what an operator acknowledged is exactly what was in the file then. Damage after the last
 * acknowledgement is what the executor does not trade on.
 *
 * <p>Runs on the thread that reads the journal back (a worker for the file); nothing else reads it until the read
 * completed.
 */
public final class JournalFold implements ReadBack {
    /** Damaged lines named in the message; the rest are counted. */
    private static final int DAMAGE_NAMED = 3;

    private static final System.Logger LOG = System.getLogger(JournalFold.class.getName());

    private final Consumer<JournalEntry> fold;
    /** Event id to the hash of its line as written. */
    private final Map<String, Integer> seen = new HashMap<>();

    private final List<String> damage = new ArrayList<>();
    private long damaged;
    private long repeated;
    private long unreadableTotal;

    /** @param fold gets each entry once, oldest first */
    public JournalFold(Consumer<JournalEntry> fold) {
        this.fold = fold;
    }

    @Override
    public void entry(JournalEntry entry, String where) {
        String id = TradeJournalJson.eventId(entry);
        int content = TradeJournalJson.write(entry).hashCode();
        Integer earlier = seen.putIfAbsent(id, content);
        if (earlier != null) {
            if (earlier == content) {
                if (++repeated <= DAMAGE_NAMED) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            where + " repeats event " + id + ": ignored (each event counts once)");
                }
            } else {
                unreadable(where, "repeats event id " + id + " with different content");
            }
            return;
        }
        if (entry instanceof ControlChange change && ControlCommand.Acknowledge.ACTION.equals(change.action())) {
            damage.clear();
            damaged = 0;
        }
        fold.accept(entry);
    }

    @Override
    public void unreadable(String where, String problem) {
        unreadableTotal++;
        damaged++;
        if (damage.size() < DAMAGE_NAMED) {
            damage.add(where + ": " + problem);
        }
        if (unreadableTotal <= DAMAGE_NAMED) {
            LOG.log(System.Logger.Level.ERROR, "trade journal " + where + " cannot be read: " + problem);
        }
    }

    /** The damage after the last acknowledgement, named (the first few) and counted; null when there is none. */
    public String damage() {
        if (damaged == 0) {
            return null;
        }
        String named = String.join("; ", damage);
        return damaged > damage.size()
                ? named + " (and " + (damaged - damage.size()) + " more unreadable lines)"
                : named;
    }

    /** Lines that repeated an event already read (ignored). */
    public long repeated() {
        return repeated;
    }

    /** Lines that could not be read, acknowledged or not. */
    public long unreadable() {
        return unreadableTotal;
    }
}
