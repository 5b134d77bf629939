package com.doubletime.bus;

import com.doubletime.bus.protocol.ExecutorStatus;
import java.util.List;

class ExecutorStatusCodecTest extends RecordCodecContract<ExecutorStatus> {
    @Override
    protected RecordCodec<ExecutorStatus> codec() {
        return new ExecutorStatusCodec();
    }

    @Override
    protected List<ExecutorStatus> samples() {
        return List.of(
                new ExecutorStatus(
                        "executor-2",
                        ExecutorStatus.Role.ACTIVE,
                        7,
                        1_764_054_000_123L,
                        2,
                        3_412,
                        true,
                        null,
                        1_764_054_001_000L),
                new ExecutorStatus(
                        "executor-1",
                        ExecutorStatus.Role.STANDBY,
                        0,
                        0,
                        0,
                        0,
                        true,
                        "instance executor-2 holds the active lease",
                        1_764_054_001_001L),
                new ExecutorStatus("embedded", ExecutorStatus.Role.ACTIVE, 0, 5, 0, 0, false, null, 6));
    }
}
