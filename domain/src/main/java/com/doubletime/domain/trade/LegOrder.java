package com.doubletime.domain.trade;

import com.doubletime.domain.Leg;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;

/**
 * The order one leg sends: buy {@code outcome} on {@code instrument} (Kalshi ticker or Polymarket token id)
 * immediate-or-cancel, paying at most {@code limitPrice} (fixed-point, see {@link com.doubletime.domain.FixedPoint}).
 */
public record LegOrder(Platform platform, Outcome outcome, String instrument, long limitPrice) {
    public static LegOrder of(Leg leg) {
        return new LegOrder(leg.platform(), leg.outcome(), leg.instrument(), leg.limitPrice());
    }
}
