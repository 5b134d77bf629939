package com.doubletime.simulator;

/** Receives every book change after it has been applied, in order, on the simulator's event loop. */
interface BookListener {

    BookListener IGNORE = new BookListener() {
        @Override
        public void onKalshiDelta(KalshiDelta delta) {}

        @Override
        public void onPolymarketPriceChange(PolymarketPriceChange change) {}
    };

    void onKalshiDelta(KalshiDelta delta);

    void onPolymarketPriceChange(PolymarketPriceChange change);
}
