package com.doubletime.gateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ApiAuthTest {
    private final ApiAuth auth = new ApiAuth("correct-horse-battery-staple", true);

    @Test
    void acceptsOnlyTheExactToken() {
        assertTrue(auth.matches("correct-horse-battery-staple"));
        assertFalse(auth.matches("correct-horse-battery-stapl"), "a prefix");
        assertFalse(auth.matches("correct-horse-battery-staple "), "one character more");
        assertFalse(auth.matches("CORRECT-HORSE-BATTERY-STAPLE"));
        assertFalse(auth.matches(""));
    }

    /** A guard against a refactoring back to String.equals, whose early exit leaks how much of a guess was right. */
    @Test
    void comparesDigestsInConstantTime() throws Exception {
        String source = Files.readString(Path.of("src/main/java/com/doubletime/gateway/ApiAuth.java"));

        assertTrue(source.contains("MessageDigest.isEqual(expectedDigest, sha256(presented))"));
        assertFalse(source.contains(".equals(presented"));
    }
}
