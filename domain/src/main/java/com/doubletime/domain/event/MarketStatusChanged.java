package com.doubletime.domain.event;

import com.doubletime.domain.market.MarketView;
import java.util.Objects;

/**
 * A feed's current view of one paired market's life, published whenever it changes (REST lookup at start or
 * when a pair is added, a lifecycle message, a poll) and again on request, so a late subscriber catches up.
 * Each event is the whole view, not a difference: a consumer replaces what it had.
 *
 * @param view      status, close and expected resolution time, Kalshi shard, resolution
 * @param cause     what produced it: {@code rest}, {@code lifecycle:<event_type>}, {@code market_resolved},
 *                  {@code gamma}, {@code clock} (Kalshi close time passed), {@code resend}
 * @param atMillis  when the feed learnt it (epoch ms)
 */
public record MarketStatusChanged(MarketView view, String cause, long atMillis) {
    public MarketStatusChanged {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(cause, "cause");
    }
}
