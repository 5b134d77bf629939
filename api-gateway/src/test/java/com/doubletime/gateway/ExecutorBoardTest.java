package com.doubletime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.protocol.ExecutorStatus;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ExecutorBoardTest {
    private static final long NOW = 1_764_054_000_000L;

    private static ExecutorStatus status(String id, ExecutorStatus.Role role, long epoch, long since, long takeovers) {
        return new ExecutorStatus(id, role, epoch, since, takeovers, takeovers == 0 ? 0 : 2_100, true, null, NOW);
    }

    @Test
    void namesTheActiveInstanceAndSinceWhenWithTheStandbysListed() {
        ExecutorBoard board = new ExecutorBoard();
        board.onStatus(status("executor-a", ExecutorStatus.Role.ACTIVE, 3, NOW - 60_000, 0), NOW);
        board.onStatus(status("executor-b", ExecutorStatus.Role.STANDBY, 0, 0, 1), NOW);

        JsonObject json = board.json(NOW + 500);

        assertEquals("executor-a", json.getString("active"));
        assertEquals("2025-11-25T06:59:00Z", json.getString("activeSince"));
        assertEquals(3, json.getLong("epoch"));
        assertEquals(1, json.getLong("failovers"), "take-overs summed over the instances");
        assertEquals(2, json.getJsonArray("instances").size());
        assertEquals("STANDBY", json.getJsonArray("instances").getJsonObject(1).getString("role"));
    }

    @Test
    void aSilentActiveIsNoLongerTheActiveOne() {
        ExecutorBoard board = new ExecutorBoard();
        board.onStatus(status("executor-a", ExecutorStatus.Role.ACTIVE, 3, NOW, 0), NOW);

        long later = NOW + ExecutorBoard.SILENT_AFTER_MILLIS + 1;

        assertNull(board.active(later));
        JsonObject json = board.json(later);
        assertNull(json.getString("active"));
        assertTrue(json.getJsonArray("instances").getJsonObject(0).getBoolean("silent"));
    }

    @Test
    void ofTwoSayingActiveTheOneWithTheNewerEpochIsActive() {
        ExecutorBoard board = new ExecutorBoard();
        board.onStatus(status("executor-b", ExecutorStatus.Role.ACTIVE, 5, NOW, 1), NOW);
        board.onStatus(status("executor-a", ExecutorStatus.Role.ACTIVE, 4, NOW - 9_000, 0), NOW);

        assertEquals("executor-b", board.active(NOW).instanceId());
    }

    @Test
    void noReportMeansNoActiveExecutor() {
        JsonObject json = new ExecutorBoard().json(NOW);

        assertNull(json.getString("active"));
        assertEquals(0, json.getJsonArray("instances").size());
    }
}
