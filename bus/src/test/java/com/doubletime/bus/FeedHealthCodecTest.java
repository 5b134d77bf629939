package com.doubletime.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.doubletime.domain.Platform;
import com.doubletime.domain.event.FeedHealth;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FeedHealthCodecTest extends RecordCodecContract<FeedHealth> {
    private final FeedHealthCodec codec = new FeedHealthCodec();

    @Override
    protected RecordCodec<FeedHealth> codec() {
        return codec;
    }

    @Override
    protected List<FeedHealth> samples() {
        return List.of(
                new FeedHealth(
                        Platform.KALSHI,
                        "kalshi-1",
                        true,
                        1764054000123L,
                        12,
                        1_000,
                        2,
                        3,
                        4,
                        5,
                        List.of("A", "B", "C"),
                        List.of("A", "B"),
                        "error 10",
                        Map.of("price_out_of_range", 1L),
                        1,
                        List.of("NOPE")),
                new FeedHealth(
                        Platform.POLYMARKET,
                        "polymarket",
                        false,
                        0,
                        -1,
                        0,
                        0,
                        0,
                        0,
                        0,
                        List.of(),
                        List.of(),
                        null,
                        Map.of(),
                        0,
                        List.of()));
    }

    @Test
    void roundTripsThroughTheClusterWireFormat() {
        FeedHealth health = new FeedHealth(
                Platform.KALSHI,
                "kalshi-3f2a9c1b7d0e-1-ab12cd34",
                true,
                1764054000123L,
                12,
                1_000,
                2,
                3,
                4,
                5,
                List.of("A", "B", "C"),
                List.of("A", "B"),
                "error 10: channel error",
                Map.of("price_out_of_range", 1L),
                1,
                List.of("NOPE"));
        FeedHealth noError = new FeedHealth(
                Platform.POLYMARKET,
                "polymarket",
                false,
                0,
                -1,
                0,
                0,
                0,
                0,
                0,
                List.of(),
                List.of(),
                null,
                Map.of(),
                0,
                List.of());

        for (FeedHealth value : List.of(health, noError)) {
            Buffer buffer = Buffer.buffer().appendString("prefix");
            codec.encodeToWire(buffer, value);
            assertEquals(value, codec.decodeFromWire(6, buffer));
        }
        assertSame(health, codec.transform(health));
    }

    @Test
    void registerAllCanRunTwiceOnOneBus() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            BusCodecs.registerAll(vertx.eventBus());
            BusCodecs.registerAll(vertx.eventBus());
            FeedHealth health = new FeedHealth(
                    Platform.KALSHI,
                    "kalshi",
                    true,
                    1,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    List.of(),
                    List.of(),
                    null,
                    Map.of(),
                    0,
                    List.of());

            Promise<FeedHealth> delivered = Promise.promise();
            vertx.eventBus()
                    .<FeedHealth>consumer(Addresses.FEED_HEALTH, m -> delivered.tryComplete(m.body()))
                    .completion()
                    .await(5, TimeUnit.SECONDS);

            vertx.eventBus().publish(Addresses.FEED_HEALTH, health);

            FeedHealth received = delivered.future().await(5, TimeUnit.SECONDS);
            assertSame(health, received);
        } finally {
            vertx.close().await(5, TimeUnit.SECONDS);
        }
    }
}
