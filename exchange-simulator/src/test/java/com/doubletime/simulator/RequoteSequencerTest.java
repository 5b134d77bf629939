package com.doubletime.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.doubletime.simulator.RequoteSequencer.LevelMove;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RequoteSequencerTest {

    @Test
    void sequencerAddsWhatCannotCrossFirstAndClearsTheWayOnlyWhenBlocked() {
        // YES bids 0.48/0.47, NO bids 0.50 → requote YES 0.52, NO 0.46 (fair moved up four cents)
        TreeMap<Long, Long> yes = levels(4800, 10, 4700, 10);
        TreeMap<Long, Long> no = levels(5000, 10);
        List<LevelMove> moves = RequoteSequencer.sequence(yes, no, levels(5200, 20), levels(4600, 30));
        assertEquals(
                List.of(
                        new LevelMove(1, 4600, 0, 3000), // cannot cross anything: goes in first
                        new LevelMove(1, 5000, 1000, 0), // blocks YES 0.52 (0.52 + 0.50 ≥ 1): cleared next
                        new LevelMove(0, 5200, 0, 2000),
                        new LevelMove(0, 4800, 1000, 0), // stale depth goes last
                        new LevelMove(0, 4700, 1000, 0)),
                moves);
    }

    @Test
    void sequencerReportsOnlyChangedLevels() {
        TreeMap<Long, Long> yes = levels(4000, 10, 3900, 5);
        assertEquals(
                List.of(new LevelMove(0, 3900, 500, 700)),
                RequoteSequencer.sequence(yes, levels(), levels(4000, 10, 3900, 7), levels()));
    }

    private static TreeMap<Long, Long> levels(long... priceSizePairs) {
        TreeMap<Long, Long> levels = new TreeMap<>();
        for (int i = 0; i < priceSizePairs.length; i += 2) {
            levels.put(priceSizePairs[i], priceSizePairs[i + 1] * FixedPoint.ONE_CONTRACT);
        }
        return levels;
    }
}
