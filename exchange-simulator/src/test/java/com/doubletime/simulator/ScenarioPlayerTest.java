package com.doubletime.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScenarioPlayerTest {
    /**
     * The bench measures from a step's time: it must not be later than the step's first frame, which the stack may
     * read and act on before the player's write returns.
     */
    @Test
    void aStepIsTimedBeforeItsFramesAreWritten() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Scenario scenario = scenario();
            SimulatedBooks books = new SimulatedBooks(List.of(ScenarioTest.FED));
            scenario.openBooks(books);
            long[] firstChange = {-1};
            books.listener(new BookListener() {
                @Override
                public void onKalshiDelta(KalshiDelta delta) {
                    first();
                }

                @Override
                public void onPolymarketPriceChange(PolymarketPriceChange change) {
                    first();
                }

                private void first() {
                    if (firstChange[0] < 0) {
                        firstChange[0] = System.nanoTime();
                    }
                }
            });
            CompletableFuture<Long> stepTime = new CompletableFuture<>();
            ProbeSlot probe = new ProbeSlot();
            probe.set(new SimulatorProbe() {
                @Override
                public void stepSent(int stepIndex, long nanoTime) {
                    stepTime.complete(nanoTime);
                }

                @Override
                public void orderReceived(Venue venue, String clientOrderId, long nanoTime) {}
            });
            ScenarioPlayer player = new ScenarioPlayer(vertx, books, scenario, probe, null);
            vertx.runOnContext(v -> {
                player.onKalshiSubscribed();
                player.onPolymarketSubscribed();
            });

            long stepped = stepTime.get(10, TimeUnit.SECONDS);

            assertTrue(firstChange[0] > 0, "the step changed a book");
            assertTrue(stepped <= firstChange[0], "timed " + (stepped - firstChange[0]) + " ns after its first frame");
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static Scenario scenario() throws IOException {
        return Scenario.parse(Files.readString(Path.of("scenarios/buy-both-window.json")));
    }
}
