package com.doubletime.simulator;

import java.util.ArrayList;
import java.util.List;

/** Records every book change in order. */
final class RecordingListener implements BookListener {

    final List<Object> events = new ArrayList<>();
    final List<KalshiDelta> kalshiDeltas = new ArrayList<>();
    final List<PolymarketPriceChange> polymarketChanges = new ArrayList<>();

    @Override
    public void onKalshiDelta(KalshiDelta delta) {
        events.add(delta);
        kalshiDeltas.add(delta);
    }

    @Override
    public void onPolymarketPriceChange(PolymarketPriceChange change) {
        events.add(change);
        polymarketChanges.add(change);
    }
}
