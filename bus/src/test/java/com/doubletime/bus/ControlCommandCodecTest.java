package com.doubletime.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.doubletime.bus.protocol.ControlCommand;
import io.vertx.core.buffer.Buffer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlCommandCodecTest extends RecordCodecContract<ControlCommand> {
    @Override
    protected RecordCodec<ControlCommand> codec() {
        return new ControlCommandCodec(ControlCommand.class);
    }

    @Override
    protected List<ControlCommand> samples() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("maxNotionalPerTrade", "250.00");
        changes.put("maxTradesPerMinute", 10L);
        changes.put("maxPositionPerPair", new BigInteger("123456789012345678901234567890"));
        changes.put("dailyLossLimit", new BigDecimal("1.5"));
        changes.put("maxTotalExposure", null);
        changes.put("maxUnhedgedExposure", true);
        changes.put("nested", Map.of("a", List.of(1L, "b")));
        return List.of(
                new ControlCommand.Status(),
                new ControlCommand.Pause("news at 14:00"),
                new ControlCommand.Resume(null),
                new ControlCommand.KillSwitch(true, "venue outage"),
                new ControlCommand.KillSwitch(false, null),
                new ControlCommand.ChangeRiskLimits(changes, "tighter for the open"),
                new ControlCommand.ChangeRiskLimits(Map.of(), null),
                new ControlCommand.Acknowledge("line 12 checked against the venues' fills"),
                new ControlCommand.Acknowledge(null));
    }

    @Test
    void riskLimitValuesKeepTheKindTheClientSent() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("maxTradesPerMinute", 10);
        changes.put("maxNotionalPerTrade", "50");
        changes.put("dailyLossLimit", 2.5);
        Buffer buffer = Buffer.buffer();
        codec().encodeToWire(buffer, new ControlCommand.ChangeRiskLimits(changes, null));

        ControlCommand.ChangeRiskLimits back =
                assertInstanceOf(ControlCommand.ChangeRiskLimits.class, codec().decodeFromWire(0, buffer));

        // whole numbers come back as Long (the validator accepts Integer and Long alike), decimals exactly
        assertEquals(
                Arrays.asList(10L, "50", new BigDecimal("2.5")),
                Arrays.asList(
                        back.changes().get("maxTradesPerMinute"),
                        back.changes().get("maxNotionalPerTrade"),
                        back.changes().get("dailyLossLimit")));
    }

    @Test
    void journalsEachCommandUnderItsActionName() {
        assertEquals(
                List.of(
                        "status",
                        "pause",
                        "resume",
                        "kill-switch-on",
                        "kill-switch-off",
                        "risk-limits",
                        "risk-limits",
                        "acknowledge",
                        "acknowledge"),
                samples().stream().map(ControlCommand::action).toList());
    }
}
