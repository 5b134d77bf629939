package com.doubletime.domain.trade;

/**
 * What the operator has set on the executor, whether new trades may start and under which limits, and why the
 * executor itself has stopped trading, if it has.
 *
 * <p>{@code paused} is the everyday switch (maintenance, a news event). {@code killSwitch} is the
 * emergency stop: it is applied before it is journaled, so no trade can start once the command reached
 * the executor, and it stays on across restarts until someone turns it off.
 *
 * @param haltedBecause why the executor stopped trading on its own (the journal failed or is unreachable, or was
 *     found damaged at start), or null; never journaled (it is the executor's condition, not an operator's setting)
 *     and always shown first in {@link #blockedBecause}
 */
public record TradingControl(
        ExecutionMode mode, boolean paused, boolean killSwitch, RiskLimits limits, String haltedBecause) {
    public TradingControl {
        if (mode == null || limits == null) {
            throw new IllegalArgumentException("mode and limits are required");
        }
    }

    /** The operator's state, with no halt. */
    public TradingControl(ExecutionMode mode, boolean paused, boolean killSwitch, RiskLimits limits) {
        this(mode, paused, killSwitch, limits, null);
    }

    public static TradingControl initial(ExecutionMode mode, RiskLimits limits) {
        return new TradingControl(mode, false, false, limits);
    }

    /** Why no new trade may start now, or null when trading is allowed. */
    public String blockedBecause() {
        if (haltedBecause != null) {
            return haltedBecause;
        }
        if (killSwitch) {
            return "the kill switch is on";
        }
        return paused ? "trading is paused" : null;
    }

    public TradingControl withPaused(boolean value) {
        return new TradingControl(mode, value, killSwitch, limits, haltedBecause);
    }

    public TradingControl withKillSwitch(boolean value) {
        return new TradingControl(mode, paused, value, limits, haltedBecause);
    }

    public TradingControl withLimits(RiskLimits value) {
        return new TradingControl(mode, paused, killSwitch, value, haltedBecause);
    }

    /** This state with the executor's own halt (null: none). */
    public TradingControl withHalt(String reason) {
        return new TradingControl(mode, paused, killSwitch, limits, reason);
    }
}
