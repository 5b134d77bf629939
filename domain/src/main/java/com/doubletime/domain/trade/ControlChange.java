package com.doubletime.domain.trade;

/**
 * An operator's change to the executor's controls, journaled with the complete state it produced so that
 * a restart comes back exactly as the operator left it (a kill switch stays on).
 *
 * @param action what was asked: {@code pause}, {@code resume}, {@code kill-switch-on}, {@code kill-switch-off},
 *               {@code risk-limits}
 * @param reason the operator's note, or null
 * @param atNanos when it was applied (epoch nanos)
 */
public record ControlChange(String action, TradingControl state, String reason, long atNanos) implements JournalEntry {}
