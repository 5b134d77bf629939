package com.doubletime.cluster.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.PairsFileException;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairsLoaderTest {
    @TempDir
    Path dir;

    @Test
    void aPairsFileThatIsNotJsonIsRefusedNamingTheFileLineAndColumnWithoutTheParsersNoise() throws Exception {
        Path file = dir.resolve("pairs.json");
        Files.writeString(file, "{\n  \"pairs\": [\n    {\"id\": \"a\",}\n  ]\n}\n");
        Vertx vertx = Vertx.vertx();
        try {
            Throwable refused = PairsLoader.load(vertx, file)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .handle((pairs, failure) -> failure)
                    .get(30, TimeUnit.SECONDS);
            assertTrue(refused instanceof PairsFileException, String.valueOf(refused));
            String message = refused.getMessage();
            assertTrue(message.contains(file.toString()), message);
            assertTrue(message.contains("line: 3"), message);
            assertFalse(message.contains("REDACTED"), message);
            assertFalse(message.contains("\n"), message);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
