package com.doubletime.bus;

import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.OpportunityEvent;
import java.util.function.Consumer;

/**
 * The critical path feed → monitor → executor as plain method calls, for when the three run in one JVM on one event
 * loop (the embedded stack): a frame's batch reaches the executor's books and the monitor's detector, and an
 * opportunity reaches the executor's decision, on the thread that read the frame, with no event-bus dispatch and no
 * wake-up of another thread between them. Between processes the event bus is the path ({@link Addresses#MARKET_DATA},
 * {@link Addresses#OPPORTUNITIES}); the co-located services still publish there after the hand-off, for everything
 * else that listens (the gateway's streams, metrics, tests).
 *
 * <p>Single-threaded: {@link #bind()} names the thread; every hand-off from another thread is refused, since the
 * monitor's books and the executor's state have exactly one writer. Whoever subscribes to the market data or the
 * opportunities here must not also consume them from the bus, or it would see each twice. A receiver that throws is
 * logged and counted, as a bus handler's failure would be, and the others still get the batch or the event.
 */
public final class LocalTradingPath {
    private static final System.Logger LOG = System.getLogger(LocalTradingPath.class.getName());
    private static final Consumer<Object> NOBODY = ignored -> {};

    private Thread thread;
    private Consumer<? super MarketDataBatch> books = NOBODY;
    private Consumer<? super MarketDataBatch> detector = NOBODY;
    private Consumer<? super OpportunityEvent> decider = NOBODY;
    private long failures;

    /** Binds the path to the calling thread: the one event loop the feeds, the monitor and the executor share. */
    public void bind() {
        if (thread != null && thread != Thread.currentThread()) {
            throw new IllegalStateException("the local trading path is bound to " + thread.getName() + ", not "
                    + Thread.currentThread().getName());
        }
        thread = Thread.currentThread();
    }

    /** The executor's copy of the books: handed each batch before the detector, so its last look sees the frame. */
    public void onBooks(Consumer<? super MarketDataBatch> books) {
        this.books = books;
    }

    /** The monitor's detector. */
    public void onMarketData(Consumer<? super MarketDataBatch> detector) {
        this.detector = detector;
    }

    /** The executor's decision on each opportunity event. */
    public void onOpportunity(Consumer<? super OpportunityEvent> decider) {
        this.decider = decider;
    }

    /** A feed's frame, parsed: to the executor's books, then to the detector. */
    public void marketData(MarketDataBatch batch) {
        checkThread();
        handTo(books, batch, "the executor's books");
        handTo(detector, batch, "the monitor");
    }

    /** The monitor's opportunity event: to the executor. */
    public void opportunity(OpportunityEvent event) {
        checkThread();
        handTo(decider, event, "the executor");
    }

    /** Hand-offs whose receiver threw. */
    public long failures() {
        return failures;
    }

    private <T> void handTo(Consumer<? super T> receiver, T handed, String who) {
        try {
            receiver.accept(handed);
        } catch (RuntimeException e) {
            failures++;
            LOG.log(
                    System.Logger.Level.ERROR,
                    who + " failed on " + handed.getClass().getSimpleName(),
                    e);
        }
    }

    private void checkThread() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException(
                    thread == null
                            ? "the local trading path is not bound to a thread"
                            : "a hand-off on " + Thread.currentThread().getName() + ": the local trading path runs on "
                                    + thread.getName() + " only");
        }
    }
}
