package com.doubletime.simulator;

import static com.doubletime.simulator.FixedPoint.ONE_DOLLAR;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Orders the level changes that turn a resting book into a requoted one, so that a client applying them
 * one at a time never sees the book crossed, nor a side emptied that the requote keeps non-empty.
 *
 * <p>A book is seen as two complementary bid ladders, crossed when best A + best B reaches one dollar:
 * a Kalshi book's YES and NO bids, or a Polymarket token's bids and its asks at 1 − p. New levels go in
 * as soon as they cannot cross, levels priced beyond the new best come out when they are in the way,
 * and the remaining shrinks come last.
 */
final class RequoteSequencer {

    /** One level of ladder 0 (A) or 1 (B) going from {@code fromSize} to {@code toSize}. */
    record LevelMove(int ladder, long price, long fromSize, long toSize) {}

    private RequoteSequencer() {}

    static List<LevelMove> sequence(
            NavigableMap<Long, Long> restingA,
            NavigableMap<Long, Long> restingB,
            NavigableMap<Long, Long> targetA,
            NavigableMap<Long, Long> targetB) {
        List<TreeMap<Long, Long>> book = List.of(new TreeMap<>(restingA), new TreeMap<>(restingB));
        List<NavigableMap<Long, Long>> targets = List.of(targetA, targetB);
        List<LevelMove> growing = new ArrayList<>();
        List<LevelMove> inTheWay = new ArrayList<>();
        List<LevelMove> shrinking = new ArrayList<>();
        for (int ladder = 0; ladder < 2; ladder++) {
            NavigableMap<Long, Long> target = targets.get(ladder);
            long newBest = target.isEmpty() ? -1 : target.lastKey();
            TreeSet<Long> prices = new TreeSet<>(Comparator.reverseOrder());
            prices.addAll(book.get(ladder).keySet());
            prices.addAll(target.keySet());
            for (long price : prices) {
                long from = book.get(ladder).getOrDefault(price, 0L);
                long to = target.getOrDefault(price, 0L);
                LevelMove move = new LevelMove(ladder, price, from, to);
                if (to > from) {
                    growing.add(move);
                } else if (to < from) {
                    (to == 0 && price > newBest ? inTheWay : shrinking).add(move);
                }
            }
        }

        List<LevelMove> ordered = new ArrayList<>();
        while (!growing.isEmpty()) {
            boolean grew = false;
            for (Iterator<LevelMove> pending = growing.iterator(); pending.hasNext(); ) {
                LevelMove move = pending.next();
                if (move.price() + best(book.get(1 - move.ladder())) < ONE_DOLLAR) {
                    apply(book, move, ordered);
                    pending.remove();
                    grew = true;
                }
            }
            if (!grew) {
                // only one ladder can be blocked at a time: clear the other's most aggressive stale level
                int blocking = 1 - growing.get(0).ladder();
                LevelMove removal = inTheWay.stream()
                        .filter(move -> move.ladder() == blocking)
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("requote target is crossed"));
                inTheWay.remove(removal);
                apply(book, removal, ordered);
            }
        }
        ordered.addAll(inTheWay);
        ordered.addAll(shrinking);
        return ordered;
    }

    private static void apply(List<TreeMap<Long, Long>> book, LevelMove move, List<LevelMove> ordered) {
        if (move.toSize() > 0) {
            book.get(move.ladder()).put(move.price(), move.toSize());
        } else {
            book.get(move.ladder()).remove(move.price());
        }
        ordered.add(move);
    }

    private static long best(TreeMap<Long, Long> ladder) {
        return ladder.isEmpty() ? 0 : ladder.lastKey();
    }
}
