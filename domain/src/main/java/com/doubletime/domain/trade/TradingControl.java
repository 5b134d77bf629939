package com.doubletime.domain.trade;

/**
 * What the operator has set on the executor: whether new trades may start and under which limits.
 *
 * <p>{@code paused} is the everyday switch (maintenance, a news event). {@code killSwitch} is the
 * emergency stop: it is applied before it is journaled, so no trade can start once the command reached
 * the executor, and it stays on across restarts until someone turns it off.
 */
public record TradingControl(ExecutionMode mode, boolean paused, boolean killSwitch, RiskLimits limits) {
    public TradingControl {
        if (mode == null || limits == null) {
            throw new IllegalArgumentException("mode and limits are required");
        }
    }

    public static TradingControl initial(ExecutionMode mode, RiskLimits limits) {
        return new TradingControl(mode, false, false, limits);
    }

    /** Why no new trade may start now, or null when trading is allowed. */
    public String blockedBecause() {
        if (killSwitch) {
            return "the kill switch is on";
        }
        return paused ? "trading is paused" : null;
    }

    public TradingControl withPaused(boolean value) {
        return new TradingControl(mode, value, killSwitch, limits);
    }

    public TradingControl withKillSwitch(boolean value) {
        return new TradingControl(mode, paused, value, limits);
    }

    public TradingControl withLimits(RiskLimits value) {
        return new TradingControl(mode, paused, killSwitch, value);
    }
}
