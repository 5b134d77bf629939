package com.doubletime.bench;

import com.doubletime.bus.MarketDataBatchCodec;
import com.doubletime.domain.BuyBothDetector;
import com.doubletime.domain.Direction;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Levels;
import com.doubletime.domain.MarketState;
import com.doubletime.domain.Opportunity;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Side;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.OrderBookDeltaReceived;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.kalshi.KalshiBookSession;
import com.doubletime.monitor.ArbitrageEngine;
import com.doubletime.polymarket.PolymarketBookSession;
import com.doubletime.polymarket.PolymarketFrameParser;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The hot path, piece by piece, on frames from {@link CaptureGenerator} (100 pairs). Run with
 * {@code -prof gc}: {@code gc.alloc.rate.norm} is the allocation per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class HotPathBenchmarks {
    private static final int PAIRS = 100;

    private BenchInputs inputs;
    private OrderbookSet books;
    private KalshiBookSession kalshiIntoBooks;
    private PolymarketBookSession polymarketIntoBooks;
    private ArbitrageEngine engine;
    private KalshiBookSession kalshiIntoEngine;
    private PolymarketBookSession polymarketIntoEngine;
    private PolymarketFrameParser snapshotParser;
    private MarketState quietPair;
    private MarketState openPair;
    private MarketDataBatchCodec codec;
    private MarketDataBatch batch;
    private long[] updatePrices;
    private long[] updateSizes;
    private Side[] updateSides;
    private String[] updateTokens;
    private int kalshiNext;
    private int polymarketNext;
    private int mixedNext;
    private int updateNext;
    private long clock;
    private long opportunities;

    @Setup(Level.Trial)
    public void setUp() {
        inputs = new BenchInputs(PAIRS, 200_000, 11);
        books = new OrderbookSet();
        kalshiIntoBooks = new KalshiBookSession(books, false, null);
        polymarketIntoBooks = new PolymarketBookSession(books);
        engine = new ArbitrageEngine(inputs.pairs, event -> opportunities++);
        kalshiIntoEngine = new KalshiBookSession(engine, false, null);
        polymarketIntoEngine = new PolymarketBookSession(engine);
        for (String frame : inputs.kalshiSetup) {
            kalshiIntoBooks.onFrame(frame, 1);
            kalshiIntoEngine.onFrame(frame, 1);
        }
        for (String frame : inputs.polymarketSetup) {
            polymarketIntoBooks.onFrame(frame, 1);
            polymarketIntoEngine.onFrame(frame, 1);
        }
        snapshotParser = new PolymarketFrameParser();
        quietPair = engine.state(inputs.pairs.get(0).id());
        openPair = windowState();
        codec = new MarketDataBatchCodec();
        batch = new MarketDataBatch(
                Platform.POLYMARKET,
                1,
                List.of(
                        new OrderBookDeltaReceived(
                                Platform.POLYMARKET,
                                inputs.pairs.get(0).yesTokenId(),
                                Side.BID,
                                450_000,
                                120_000_000,
                                true,
                                1),
                        new OrderBookSnapshotReceived(
                                Platform.KALSHI,
                                inputs.pairs.get(1).kalshiTicker(),
                                new Levels(new long[] {400_000, 390_000}, new long[] {10_000_000, 20_000_000}),
                                new Levels(new long[] {450_000}, new long[] {5_000_000}),
                                1)));
        // realistic level updates: the generated price_changes, decoded once up front
        updateTokens = new String[4096];
        updatePrices = new long[4096];
        updateSides = new Side[4096];
        updateSizes = new long[4096];
        PolymarketFrameParser decoder = new PolymarketFrameParser();
        int filled = 0;
        for (String frame : inputs.polymarketChanges) {
            try {
                decoder.parse(frame);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            for (int u = 0; u < decoder.updateCount() && filled < updateTokens.length; u++, filled++) {
                updateTokens[filled] = decoder.update(u).assetId();
                updatePrices[filled] = decoder.update(u).price();
                updateSides[filled] = decoder.update(u).side();
                updateSizes[filled] = decoder.update(u).size();
            }
            if (filled == updateTokens.length) {
                break;
            }
        }
    }

    private MarketState windowState() {
        ArbitrageEngine scratch = new ArbitrageEngine(inputs.pairs.subList(0, 1), event -> {});
        KalshiBookSession kalshi = new KalshiBookSession(scratch, false, null);
        PolymarketBookSession polymarket = new PolymarketBookSession(scratch);
        inputs.kalshiSetup.forEach(frame -> kalshi.onFrame(frame, 1));
        inputs.polymarketSetup.forEach(frame -> polymarket.onFrame(frame, 1));
        var pair = inputs.pairs.get(0);
        MarketState state = scratch.state(pair.id());
        long yesAsk = state.polymarketBestAsk(Outcome.NO);
        // a NO bid that puts Kalshi's YES ask eight cents under the Polymarket NO ask's complement
        scratch.onLevelChange(
                Platform.KALSHI,
                pair.kalshiTicker(),
                Side.ASK,
                FixedPoint.ONE - yesAsk - 80_000,
                50 * FixedPoint.ONE,
                2);
        return state;
    }

    private String nextKalshi() {
        if (kalshiNext == inputs.kalshiDeltas.size()) {
            kalshiNext = 0;
            // the deltas start over from their snapshots, as after a reconnect: new seq baseline, books afresh
            kalshiIntoBooks.onConnected(0);
            inputs.kalshiSetup.forEach(frame -> kalshiIntoBooks.onFrame(frame, clock));
        }
        return inputs.kalshiDeltas.get(kalshiNext++);
    }

    /** Kalshi {@code orderbook_delta}: parse, sequence check, apply to the book. */
    @Benchmark
    public Object kalshiDeltaParseAndApply() {
        return kalshiIntoBooks.onFrame(nextKalshi(), ++clock);
    }

    /** Polymarket {@code price_change} (two assets): parse and apply absolute sizes. */
    @Benchmark
    public Object polymarketPriceChangeParseAndApply() {
        if (polymarketNext == inputs.polymarketChanges.size()) {
            polymarketNext = 0;
            // the changes start over from their books: applied to the end state they would cross them
            inputs.polymarketSetup.forEach(frame -> polymarketIntoBooks.onFrame(frame, clock));
        }
        return polymarketIntoBooks.onFrame(inputs.polymarketChanges.get(polymarketNext++), ++clock);
    }

    /** Polymarket initial dump of 200 {@code book} events (5 levels a side): parse only. */
    @Benchmark
    public int polymarketBookDumpParse() throws Exception {
        snapshotParser.parse(inputs.polymarketSetup.get(0));
        return snapshotParser.updateCount();
    }

    /** One level update (near the touch, no window) applied and its pair evaluated both ways: must not allocate. */
    @Benchmark
    public long bookApplyAndEvaluate() {
        int i = updateNext++ & (updateTokens.length - 1);
        engine.onLevelSet(
                Platform.POLYMARKET, updateTokens[i], updateSides[i], updatePrices[i], updateSizes[i], ++clock);
        engine.onFrameEnd(Platform.POLYMARKET, clock);
        return opportunities;
    }

    /** The detector on a pair with no opportunity (the common case). */
    @Benchmark
    public Opportunity detectorQuietPair() {
        return BuyBothDetector.evaluate(quietPair, Direction.KALSHI_YES_POLYMARKET_NO);
    }

    /** The detector on a pair with an open window: sizes the trade and prices both legs exactly. */
    @Benchmark
    public Opportunity detectorOpenWindow() {
        return BuyBothDetector.evaluate(openPair, Direction.KALSHI_YES_POLYMARKET_NO);
    }

    /** A two-event batch through the cluster codec and back. */
    @Benchmark
    public MarketDataBatch codecRoundTrip() {
        Buffer buffer = Buffer.buffer(256);
        codec.encodeToWire(buffer, batch);
        return codec.decodeFromWire(0, buffer);
    }

    /** Whole frame to decision: either venue's next frame parsed, applied and every touched pair evaluated. */
    @Benchmark
    public Object frameToDecision() {
        if (mixedNext == inputs.mixed.size()) {
            mixedNext = 0;
            kalshiIntoEngine.onConnected(0);
            inputs.kalshiSetup.forEach(frame -> kalshiIntoEngine.onFrame(frame, clock));
            inputs.polymarketSetup.forEach(frame -> polymarketIntoEngine.onFrame(frame, clock));
        }
        int i = mixedNext++;
        return inputs.mixedIsKalshi.get(i)
                ? kalshiIntoEngine.onFrame(inputs.mixed.get(i), ++clock)
                : polymarketIntoEngine.onFrame(inputs.mixed.get(i), ++clock);
    }
}
