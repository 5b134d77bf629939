package com.doubletime.bus.protocol;

import com.doubletime.domain.trade.TradingControl;

/**
 * The executor's answer to a command that stops trading (pause, kill switch on) which took effect at once but which
 * the journal has not recorded (it failed, or is unavailable): the operator is told the state in force and that it
 * is not persisted, so a restart before the journal records it would come back without it.
 *
 * @param state the state in force
 * @param warning what was not recorded and why
 */
public record ControlNotRecorded(TradingControl state, String warning) {
    public ControlNotRecorded {
        if (state == null || warning == null) {
            throw new IllegalArgumentException("state and warning are required");
        }
    }
}
