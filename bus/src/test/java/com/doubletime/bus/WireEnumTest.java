package com.doubletime.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.doubletime.domain.Platform;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** Enums cross the bus by name: a reordered or extended enum on another member cannot change a message. */
class WireEnumTest {
    @Test
    void anEnumIsWrittenAsItsName() {
        Buffer buffer = Buffer.buffer();
        new WireWriter(buffer).enumName(Platform.POLYMARKET).enumName(null);

        assertEquals("POLYMARKET", new WireReader(buffer, 0).string());
        WireReader reader = new WireReader(buffer, 0);
        assertEquals(Platform.POLYMARKET, reader.enumValue(Platform.class));
        assertNull(reader.enumValue(Platform.class));
    }

    @Test
    void anUnknownNameIsRefusedNamingTheEnumAndTheName() {
        Buffer buffer = Buffer.buffer();
        new WireWriter(buffer).string("BETFAIR");

        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> new WireReader(buffer, 0).enumValue(Platform.class));

        assertEquals(
                "unknown Platform 'BETFAIR' on the bus; the cluster members run different builds",
                refused.getMessage());
    }
}
