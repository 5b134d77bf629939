package com.doubletime.domain.format;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Orderbook;
import com.doubletime.domain.PriceLadder;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the book dump of contracts §5. Kalshi books are held in YES terms and written back as the
 * venue shows them: YES bids, and NO bids (our YES asks at 1 − p), each best first.
 */
public final class BookDumpJson {
    private static final int INITIAL_CAPACITY = 4096;

    private BookDumpJson() {}

    public static String write(Collection<Orderbook> kalshi, Collection<Orderbook> polymarket) {
        StringBuilder out = new StringBuilder(INITIAL_CAPACITY);
        out.append("{\"kalshi\":{");
        boolean first = true;
        for (Orderbook book : sorted(kalshi)) {
            if (!first) {
                out.append(',');
            }
            first = false;
            JsonText.string(out, book.instrument()).append(":{\"yes\":");
            levels(out, book.bids(), false, 4, 2);
            out.append(",\"no\":");
            levels(out, book.asks(), true, 4, 2);
            out.append(",\"stale\":").append(book.isStale()).append('}');
        }
        out.append("},\"polymarket\":{");
        first = true;
        for (Orderbook book : sorted(polymarket)) {
            if (!first) {
                out.append(',');
            }
            first = false;
            JsonText.string(out, book.instrument()).append(":{\"bids\":");
            levels(out, book.bids(), false, 2, 0);
            out.append(",\"asks\":");
            levels(out, book.asks(), false, 2, 0);
            out.append(",\"stale\":").append(book.isStale()).append('}');
        }
        return out.append("}}").toString();
    }

    private static List<Orderbook> sorted(Collection<Orderbook> books) {
        return books.stream()
                .sorted(Comparator.comparing(Orderbook::instrument))
                .toList();
    }

    private static void levels(
            StringBuilder out, PriceLadder ladder, boolean mirrored, int priceDecimals, int sizeDecimals) {
        out.append('[');
        for (int i = 0; i < ladder.levelCount(); i++) {
            if (i > 0) {
                out.append(',');
            }
            long price = mirrored ? FixedPoint.ONE - ladder.price(i) : ladder.price(i);
            out.append("[\"");
            FixedPoint.appendTo(out, price, priceDecimals);
            out.append("\",\"");
            FixedPoint.appendTo(out, ladder.size(i), sizeDecimals);
            out.append("\"]");
        }
        out.append(']');
    }
}
