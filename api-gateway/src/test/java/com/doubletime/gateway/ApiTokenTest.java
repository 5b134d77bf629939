package com.doubletime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiTokenTest {
    @Test
    void withoutAConfiguredTokenEveryProcessThatListensMakesItsOwnForThisRun() {
        ApiToken first = ApiToken.resolve(Map.of());
        ApiToken second = ApiToken.resolve(Map.of(GatewayConfig.TOKEN_ENV, "  "));

        assertTrue(first.generated());
        assertTrue(second.generated());
        assertTrue(first.value().length() >= 32, first.value());
        assertNotEquals(first.value(), second.value());
    }

    @Test
    void aConfiguredTokenIsUsedAsGivenAndNeverShownByToString() {
        ApiToken token = ApiToken.resolve(Map.of(GatewayConfig.TOKEN_ENV, " 0123456789abcdef-secret "));

        assertFalse(token.generated());
        assertEquals("0123456789abcdef-secret", token.value());
        assertFalse(token.toString().contains("secret"), token.toString());
    }

    @Test
    void aConfiguredTokenShorterThanSixteenCharactersIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> ApiToken.resolve(Map.of(GatewayConfig.TOKEN_ENV, "short")));

        assertTrue(refused.getMessage().contains(GatewayConfig.TOKEN_ENV), refused.getMessage());
    }
}
