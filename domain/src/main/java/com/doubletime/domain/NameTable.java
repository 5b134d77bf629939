package com.doubletime.domain;

import java.util.Arrays;

/**
 * Canonical names (tickers, token ids, message types) looked up from a slice of characters, so parsing a frame
 * does not create a new String for a name it has seen before. Open addressing on the characters' hash;
 * after {@link #MAX_NAMES} distinct ids it stops remembering new ones (they are still returned, just
 * allocated) so a stream of junk ids cannot grow it without bound. Single-threaded, like its parser.
 */
public final class NameTable {
    static final int MAX_NAMES = 1 << 16;
    private static final int INITIAL_CAPACITY = 256;
    /** {@code String.hashCode}'s multiplier and its powers, for four characters a step. */
    private static final int POW31 = 31;

    private static final int POW31_2 = POW31 * POW31;
    private static final int POW31_3 = POW31_2 * POW31;
    private static final int POW31_4 = POW31_3 * POW31;
    private String[] names = new String[INITIAL_CAPACITY];
    /** The names' characters again, so a lookup compares arrays (a vectorised intrinsic), not charAt by charAt. */
    private char[][] spellings = new char[INITIAL_CAPACITY][];

    private int[] hashes = new int[INITIAL_CAPACITY];
    private int size;
    private char[] lastSpelling;

    public String intern(char[] chars, int offset, int length) {
        return intern(chars, offset, length, stringHash(chars, offset, length));
    }

    /**
     * The same when the caller already computed {@code stringHash} of the slice while scanning it (a tokenizer
     * reading a field name), which spares a second pass over the characters.
     */
    public String intern(char[] chars, int offset, int length, int stringHash) {
        int hash = stringHash ^ (stringHash >>> 16);
        int mask = names.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            String name = names[slot];
            if (name == null) {
                String created = new String(chars, offset, length);
                if (size < MAX_NAMES) {
                    // the JVM's instance: a switch or equals against a literal then succeeds on identity
                    created = created.intern();
                    names[slot] = created;
                    spellings[slot] = created.toCharArray();
                    lastSpelling = spellings[slot];
                    hashes[slot] = hash;
                    if (++size * 2 > names.length) {
                        grow();
                    }
                } else {
                    lastSpelling = null;
                }
                return created;
            }
            if (hashes[slot] == hash && sameChars(spellings[slot], chars, offset, length)) {
                lastSpelling = spellings[slot];
                return name;
            }
        }
    }

    /**
     * The characters of the name the last {@link #intern} returned, shared and never to be written; null when
     * the table was full and did not keep it.
     */
    public char[] lastSpelling() {
        return lastSpelling;
    }

    /**
     * {@code String.hashCode} of the slice, four characters per step so the multiplications overlap
     * (token ids are 77 digits, and every frame names one or two).
     */
    public static int stringHash(char[] chars, int offset, int length) {
        int hash = 0;
        int i = offset;
        int end = offset + length;
        for (; i + 3 < end; i += 4) {
            hash = POW31_4 * hash + POW31_3 * chars[i] + POW31_2 * chars[i + 1] + POW31 * chars[i + 2] + chars[i + 3];
        }
        for (; i < end; i++) {
            hash = POW31 * hash + chars[i];
        }
        return hash;
    }

    /** Short names (field names, sides) compare faster by hand than through the vectorised intrinsic's set-up. */
    private static boolean sameChars(char[] spelling, char[] chars, int offset, int length) {
        if (spelling.length != length) {
            return false;
        }
        if (length > 16) {
            return Arrays.equals(spelling, 0, length, chars, offset, offset + length);
        }
        for (int i = 0; i < length; i++) {
            if (spelling[i] != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        String[] oldNames = names;
        char[][] oldSpellings = spellings;
        int[] oldHashes = hashes;
        names = new String[oldNames.length * 2];
        spellings = new char[oldNames.length * 2][];
        hashes = new int[oldNames.length * 2];
        int mask = names.length - 1;
        for (int i = 0; i < oldNames.length; i++) {
            if (oldNames[i] != null) {
                int slot = oldHashes[i] & mask;
                while (names[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                names[slot] = oldNames[i];
                spellings[slot] = oldSpellings[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }
}
