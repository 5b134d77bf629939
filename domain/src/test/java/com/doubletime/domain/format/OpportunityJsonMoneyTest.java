package com.doubletime.domain.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OpportunityJsonMoneyTest {
    /** The rule as first written, in BigDecimal: at least six decimals, more only when the exact value needs them. */
    private static String reference(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() > 6
                ? stripped.toPlainString()
                : value.setScale(6).toPlainString();
    }

    @Test
    void moneyIsWrittenCharacterForCharacterAsTheBigDecimalRuleWritesIt() {
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            int digits = 1 + random.nextInt(18);
            long unscaled = Math.floorMod(random.nextLong(), (long) Math.pow(10, digits));
            if (random.nextInt(4) == 0) {
                unscaled = unscaled / 1000 * 1000; // trailing zeros
            }
            BigDecimal value = BigDecimal.valueOf(random.nextBoolean() ? unscaled : -unscaled, random.nextInt(19));
            assertEquals(reference(value), OpportunityJson.money(value), value::toString);
        }
    }

    @Test
    void valuesBeyondALongOrWithANegativeScaleAreWrittenTheSameWay() {
        for (BigDecimal value : new BigDecimal[] {
            new BigDecimal("123456789012345678901234.5"),
            new BigDecimal(new BigInteger("1234567890123456789"), 20),
            new BigDecimal("-0.0000000000000000000001"),
            new BigDecimal("1E+3"),
            new BigDecimal("-25E+2"),
            BigDecimal.ZERO,
            new BigDecimal("0E-12"),
            new BigDecimal("2.754320000000"),
            new BigDecimal("0.022952")
        }) {
            assertEquals(reference(value), OpportunityJson.money(value), value::toString);
        }
    }
}
