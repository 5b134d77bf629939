package com.doubletime.bus;

import com.doubletime.bus.protocol.ExecutorStatus;

/** Wire codec of an executor instance's standing ({@link Addresses#EXECUTOR_STATUS}). */
public final class ExecutorStatusCodec extends RecordCodec<ExecutorStatus> {
    private static final int WIRE_VERSION = 1;

    @Override
    public String name() {
        return "dt.ExecutorStatus";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, ExecutorStatus status) {
        out.string(status.instanceId())
                .enumName(status.role())
                .longValue(status.epoch())
                .longValue(status.activeSinceMillis())
                .longValue(status.takeovers())
                .longValue(status.lastTakeoverMillis())
                .bool(status.failoverEnabled())
                .string(status.detail())
                .longValue(status.reportedAtMillis());
    }

    @Override
    protected ExecutorStatus read(WireReader in) {
        return new ExecutorStatus(
                in.string(),
                in.enumValue(ExecutorStatus.Role.class),
                in.longValue(),
                in.longValue(),
                in.longValue(),
                in.longValue(),
                in.bool(),
                in.string(),
                in.longValue());
    }
}
