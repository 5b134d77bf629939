package com.doubletime.bus.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An operator's command to the trade executor ({@link com.doubletime.bus.Addresses#CONTROL}), answered with
 * the resulting {@link com.doubletime.domain.trade.TradingControl} once it is journaled, or with a
 * {@link ControlRefused}.
 */
public sealed interface ControlCommand {
    /** The operator's note, journaled with the change; null when none. */
    String reason();

    /** The name the journal records the change under ({@code pause}, {@code kill-switch-on}, …). */
    String action();

    /** Whether the command stops trading: it takes effect before its journal write, not after. */
    default boolean stops() {
        return false;
    }

    /** Asks for the current state; changes nothing and journals nothing. */
    record Status() implements ControlCommand {
        @Override
        public String reason() {
            return null;
        }

        @Override
        public String action() {
            return "status";
        }
    }

    record Pause(String reason) implements ControlCommand {
        @Override
        public String action() {
            return "pause";
        }

        @Override
        public boolean stops() {
            return true;
        }
    }

    record Resume(String reason) implements ControlCommand {
        @Override
        public String action() {
            return "resume";
        }
    }

    /** The emergency stop on or off; on stays on across restarts until turned off. */
    record KillSwitch(boolean on, String reason) implements ControlCommand {
        @Override
        public String action() {
            return on ? "kill-switch-on" : "kill-switch-off";
        }

        @Override
        public boolean stops() {
            return on;
        }
    }

    /**
     * The operator has looked at what the executor stopped for and lets it go on: a damaged journal found at start
     * (its unreadable lines are then left behind, as journaled), or a journal outage that ended while the executor
     * is configured to wait for an operator. Journaled; the kill switch and pause stay as they are.
     */
    record Acknowledge(String reason) implements ControlCommand {
        public static final String ACTION = "acknowledge";

        @Override
        public String action() {
            return ACTION;
        }
    }

    /**
     * Changes the risk limits named in {@code changes} (wire names of
     * {@link com.doubletime.domain.trade.RiskLimits#FIELDS}), with the values as the operator's client sent
     * them: the executor validates them with {@link com.doubletime.domain.trade.RiskLimits#merge}, the one
     * place the limits' rules live, and refuses the command naming the field that is wrong.
     */
    record ChangeRiskLimits(Map<String, Object> changes, String reason) implements ControlCommand {
        public ChangeRiskLimits {
            // values may be null (refused by the validator, naming the field), so no Map.copyOf
            changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        }

        @Override
        public String action() {
            return "risk-limits";
        }
    }
}
