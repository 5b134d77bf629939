package com.doubletime.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class NameTableTest {
    @Test
    void returnsTheSameStringForTheSameCharacters() {
        NameTable names = new NameTable();
        char[] frame = "xxKX-FED-26DECyy".toCharArray();
        String first = names.intern(frame, 2, 12);
        assertEquals("KX-FED-26DEC", first);
        assertSame(first, names.intern("KX-FED-26DEC".toCharArray(), 0, 12));
    }

    @Test
    void unrolledHashIsStringHashCodeForEveryLengthAndOffset() {
        String text = "18522968893557414017071291988391161414403971282747678777822710600030889655768";
        char[] padded = ("ab" + text + "cd").toCharArray();
        for (int length = 0; length <= text.length(); length++) {
            assertEquals(
                    text.substring(0, length).hashCode(), NameTable.stringHash(padded, 2, length), "length " + length);
        }
    }

    @Test
    void keepsDistinctIdsApartAcrossGrowth() {
        NameTable names = new NameTable();
        String[] kept = new String[5000];
        for (int i = 0; i < kept.length; i++) {
            char[] id = ("token-" + i).toCharArray();
            kept[i] = names.intern(id, 0, id.length);
        }
        for (int i = 0; i < kept.length; i++) {
            char[] id = ("token-" + i).toCharArray();
            assertSame(kept[i], names.intern(id, 0, id.length));
        }
    }

    @Test
    void stopsRememberingBeyondItsBound() {
        NameTable names = new NameTable();
        for (int i = 0; i < NameTable.MAX_NAMES; i++) {
            char[] id = ("t" + i).toCharArray();
            names.intern(id, 0, id.length);
        }
        char[] extra = "one-too-many".toCharArray();
        assertNotSame(names.intern(extra, 0, extra.length), names.intern(extra, 0, extra.length));
    }
}
