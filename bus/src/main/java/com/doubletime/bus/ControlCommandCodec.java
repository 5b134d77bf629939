package com.doubletime.bus;

import com.doubletime.bus.protocol.ControlCommand;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wire codec of the operator's commands ({@link Addresses#CONTROL}); a stable tag names the command. */
public final class ControlCommandCodec extends RecordCodec<ControlCommand> {
    /** Version 2 adds {@code Acknowledge}. */
    private static final int WIRE_VERSION = 2;

    private static final int STATUS = 1;
    private static final int PAUSE = 2;
    private static final int RESUME = 3;
    private static final int KILL_SWITCH = 4;
    private static final int RISK_LIMITS = 5;
    private static final int ACKNOWLEDGE = 6;

    private final String name;

    /** One instance per command class: Vert.x wants a distinct codec name per default codec. */
    public ControlCommandCodec(Class<? extends ControlCommand> type) {
        this.name = "dt.ControlCommand." + type.getSimpleName();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, ControlCommand command) {
        if (command instanceof ControlCommand.Status) {
            out.byteValue(STATUS);
        } else if (command instanceof ControlCommand.Pause pause) {
            out.byteValue(PAUSE).string(pause.reason());
        } else if (command instanceof ControlCommand.Resume resume) {
            out.byteValue(RESUME).string(resume.reason());
        } else if (command instanceof ControlCommand.KillSwitch kill) {
            out.byteValue(KILL_SWITCH).bool(kill.on()).string(kill.reason());
        } else if (command instanceof ControlCommand.ChangeRiskLimits limits) {
            out.byteValue(RISK_LIMITS).plainValue(limits.changes()).string(limits.reason());
        } else if (command instanceof ControlCommand.Acknowledge acknowledge) {
            out.byteValue(ACKNOWLEDGE).string(acknowledge.reason());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    protected ControlCommand read(WireReader in) {
        int tag = in.byteValue();
        return switch (tag) {
            case STATUS -> new ControlCommand.Status();
            case PAUSE -> new ControlCommand.Pause(in.string());
            case RESUME -> new ControlCommand.Resume(in.string());
            case KILL_SWITCH -> new ControlCommand.KillSwitch(in.bool(), in.string());
            case RISK_LIMITS -> {
                Map<String, Object> changes = (Map<String, Object>) in.plainValue();
                yield new ControlCommand.ChangeRiskLimits(
                        changes == null ? new LinkedHashMap<>() : changes, in.string());
            }
            case ACKNOWLEDGE -> new ControlCommand.Acknowledge(in.string());
            default -> throw new IllegalStateException(name + ": unknown command tag " + tag);
        };
    }
}
