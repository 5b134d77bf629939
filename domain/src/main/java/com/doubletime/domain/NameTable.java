package com.doubletime.domain;

/**
 * Canonical names (tickers, token ids, message types) looked up from a slice of characters, so parsing a frame
 * does not create a new String for a name it has seen before. Open addressing on the characters' hash;
 * after {@link #MAX_NAMES} distinct ids it stops remembering new ones (they are still returned, just
 * allocated) so a stream of junk ids cannot grow it without bound. Single-threaded, like its parser.
 */
public final class NameTable {
    static final int MAX_NAMES = 1 << 16;
    private String[] names = new String[256];
    private int[] hashes = new int[256];
    private int size;

    public String intern(char[] chars, int offset, int length) {
        int hash = hash(chars, offset, length);
        int mask = names.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            String name = names[slot];
            if (name == null) {
                String created = new String(chars, offset, length);
                if (size < MAX_NAMES) {
                    names[slot] = created;
                    hashes[slot] = hash;
                    if (++size * 2 > names.length) {
                        grow();
                    }
                }
                return created;
            }
            if (hashes[slot] == hash && sameChars(name, chars, offset, length)) {
                return name;
            }
        }
    }

    private static int hash(char[] chars, int offset, int length) {
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
        }
        return hash ^ (hash >>> 16);
    }

    private static boolean sameChars(String name, char[] chars, int offset, int length) {
        if (name.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (name.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        String[] oldNames = names;
        int[] oldHashes = hashes;
        names = new String[oldNames.length * 2];
        hashes = new int[oldNames.length * 2];
        int mask = names.length - 1;
        for (int i = 0; i < oldNames.length; i++) {
            if (oldNames[i] != null) {
                int slot = oldHashes[i] & mask;
                while (names[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                names[slot] = oldNames[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }
}
