package com.doubletime.kalshi.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Kalshi signatures made before the request that uses them. Kalshi signs {@code timestamp + METHOD + path}, never
 * the body (kalshi.md §2), so an order's signature can be made before the order exists: for each path registered
 * with {@link #keepReady} one fresh signature is kept, {@link #take} hands it to a request (each signature is used
 * once, then forgotten) and {@link #renew} makes the missing and ageing ones. RSA-PSS costs about 1.2 ms of CPU; this
 * moves it off the order's critical path, to whichever thread calls {@link #renew} (the REST client's workers).
 *
 * <p>No signature older than {@code maxAgeMillis} is ever handed out; {@link #renew} replaces one once it is half
 * that old, so with renewals every quarter of it a taken signature is at most about three quarters of
 * {@code maxAgeMillis} old. <b>Assumption</b>: Kalshi accepts a request whose timestamp is that old. The venue does
 * not document its tolerance (kalshi.md §2: "none of the sources state the server's tolerance window"); a request it
 * refuses with 401 is signed afresh and sent once more by {@code KalshiRestClient}.
 *
 * <p>Thread-safe: any thread may take, one thread at a time should renew.
 */
public final class KalshiPresigner {
    /** A signature is never used when older than this (the assumed venue tolerance is larger). */
    public static final long DEFAULT_MAX_AGE_MILLIS = 1_000;

    private final KalshiSigner signer;
    private final long maxAgeMillis;
    private final Map<String, AtomicReference<Ready>> byPath = new ConcurrentHashMap<>();
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong missed = new AtomicLong();

    /** A signature of {@code timestamp + METHOD + path}, made at {@code timestampMillis}. */
    private record Ready(long timestampMillis, String signature) {}

    public KalshiPresigner(KalshiSigner signer, long maxAgeMillis) {
        if (maxAgeMillis <= 0) {
            throw new IllegalArgumentException("maxAgeMillis must be positive");
        }
        this.signer = signer;
        this.maxAgeMillis = maxAgeMillis;
    }

    /** Keep a signature ready for {@code method} on {@code path} (query string ignored); made by the next renewal. */
    public void keepReady(String method, String path) {
        byPath.putIfAbsent(key(method, path), new AtomicReference<>());
    }

    /** How often {@link #renew} should run so no kept signature ages past {@code maxAgeMillis}. */
    public long renewIntervalMillis() {
        return Math.max(1, maxAgeMillis / 4);
    }

    /**
     * The three {@code KALSHI-ACCESS-*} headers with the ready signature for this request, which no other request
     * will get; null when none is kept for the path or the one kept is too old (the caller signs afresh).
     */
    public Map<String, String> take(String method, String path) {
        AtomicReference<Ready> slot = byPath.get(key(method, path));
        Ready ready = slot == null ? null : slot.getAndSet(null);
        if (ready == null || signer.nowMillis() - ready.timestampMillis() > maxAgeMillis) {
            if (slot != null) {
                missed.incrementAndGet();
            }
            return null;
        }
        taken.incrementAndGet();
        return signer.headers(ready.timestampMillis(), ready.signature());
    }

    /**
     * Makes a signature for every kept path that has none or one half {@code maxAgeMillis} old or older. Blocking (one
     * RSA-PSS signature per path renewed): never call it on an event loop.
     *
     * @return how many signatures were made
     */
    public int renew() {
        int made = 0;
        for (Map.Entry<String, AtomicReference<Ready>> entry : byPath.entrySet()) {
            Ready current = entry.getValue().get();
            long now = signer.nowMillis();
            if (current != null && now - current.timestampMillis() < maxAgeMillis / 2) {
                continue;
            }
            int space = entry.getKey().indexOf(' ');
            String method = entry.getKey().substring(0, space);
            String path = entry.getKey().substring(space + 1);
            Ready fresh = new Ready(now, signer.sign(now, method, path));
            // a request may have taken the old one meanwhile: the fresh one replaces whatever is there
            entry.getValue().set(fresh);
            made++;
        }
        return made;
    }

    /** Requests that went out with a ready signature. */
    public long taken() {
        return taken.get();
    }

    /** Requests on a kept path that found no usable signature and were signed on the spot. */
    public long missed() {
        return missed.get();
    }

    /** The kept paths, {@code METHOD path}, for tests and diagnostics. */
    public Map<String, Boolean> readiness() {
        Map<String, Boolean> readiness = new LinkedHashMap<>();
        byPath.forEach((key, slot) -> readiness.put(key, slot.get() != null));
        return readiness;
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + KalshiSigner.pathWithoutQuery(path);
    }

    @Override
    public String toString() {
        return "KalshiPresigner[" + byPath.keySet() + ", max age " + maxAgeMillis + " ms]";
    }
}
