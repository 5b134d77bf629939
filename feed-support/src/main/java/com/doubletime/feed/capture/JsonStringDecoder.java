package com.doubletime.feed.capture;

/**
 * Decodes a JSON string straight from UTF-8 bytes into a {@code char[]}: escapes undone, multi-byte sequences
 * checked and decoded, in one pass. A capture line's frame is a JSON text escaped inside a JSON string, so this
 * is where replay spends most of its time reading: the plain bytes and the two escapes a frame is full of
 * ({@code \"} and {@code \\}) stay in one small loop, everything else is decoded out of it.
 */
final class JsonStringDecoder {
    private static final int HEX_DIGITS = 4;
    private static final int HEX_RADIX_SHIFT = 4;
    private static final int DECIMAL_LETTER_BASE = 10;

    /** Where the last decoded string ended: the position after its closing quote. */
    private int after;

    private int rareIn;
    private int rareOut;

    /** The position after the closing quote of the last string {@link #decode}d. */
    int after() {
        return after;
    }

    /**
     * Decodes the string that starts at {@code in[from]} (after its opening quote), up to its closing quote
     * before {@code limit}, into {@code out}, which holds at least {@code limit - from} chars: UTF-8 never takes
     * fewer bytes than UTF-16 chars and escapes only shrink. Returns its length, or -1 if it is not a valid
     * JSON string. Stops at a raw {@code \n}, as at any control character, so that a string left open never
     * runs into the next line.
     */
    int decode(byte[] in, int from, int limit, char[] out) {
        // a byte at a time: the frames escape a quote every ten bytes or so, too often for eight-byte steps
        // to pay for finding where the plain run stops (measured: no faster, with more code)
        int i = from;
        int written = 0;
        while (true) {
            if (i >= limit) {
                return -1;
            }
            byte b = in[i];
            if (b >= 0x20 && b != '"' && b != '\\') { // bytes >= 0x80 are negative: plain ASCII only
                out[written++] = (char) b;
                i++;
                continue;
            }
            if (b == '\\') {
                if (i + 1 < limit) {
                    byte escaped = in[i + 1];
                    if (escaped == '"' || escaped == '\\') { // nearly every escape in a frame
                        out[written++] = (char) escaped;
                        i += 2;
                        continue;
                    }
                }
            } else if (b == '"') {
                after = i + 1;
                return written;
            }
            // kept out of the loop above so that it stays small enough to compile tightly
            if (!decodeRare(in, i, limit, out, written)) {
                return -1;
            }
            i = rareIn;
            written = rareOut;
        }
    }

    /**
     * Decodes the escape, UTF-8 sequence or control character at {@code in[i]} into {@code out} from
     * {@code written}, leaving the next positions in {@link #rareIn} and {@link #rareOut}; false if it is
     * not valid in a JSON string.
     */
    private boolean decodeRare(byte[] in, int i, int limit, char[] out, int written) {
        byte b = in[i++];
        if (b == '\\') {
            if (i >= limit) {
                return false;
            }
            byte escaped = in[i++];
            char c;
            switch (escaped) {
                case '"', '\\', '/' -> c = (char) escaped;
                case 'n' -> c = '\n';
                case 't' -> c = '\t';
                case 'r' -> c = '\r';
                case 'b' -> c = '\b';
                case 'f' -> c = '\f';
                case 'u' -> {
                    if (i + HEX_DIGITS > limit) {
                        return false;
                    }
                    int code = (hex(in[i]) << (3 * HEX_RADIX_SHIFT))
                            | (hex(in[i + 1]) << (2 * HEX_RADIX_SHIFT))
                            | (hex(in[i + 2]) << HEX_RADIX_SHIFT)
                            | hex(in[i + 3]);
                    if (code < 0) {
                        return false;
                    }
                    i += HEX_DIGITS;
                    // surrogates pass as they are, a pair as two escapes, like any JSON parser
                    c = (char) code;
                }
                default -> {
                    return false;
                }
            }
            out[written++] = c;
        } else if (b >= 0) {
            return false; // a raw control character (quotes and plain ASCII never come here)
        } else {
            int lead = b & 0xFF;
            if (lead < 0xC2) {
                return false; // a continuation byte, or an overlong 2-byte lead
            }
            if (lead < 0xE0) {
                if (i >= limit || !isContinuation(in[i])) {
                    return false;
                }
                out[written++] = (char) (((lead & 0x1F) << 6) | (in[i++] & 0x3F));
            } else if (lead < 0xF0) {
                if (i + 2 > limit) {
                    return false;
                }
                int second = in[i] & 0xFF;
                // E0 needs A0.. (not overlong); ED stops at 9F (no UTF-16 surrogates in UTF-8)
                int low = lead == 0xE0 ? 0xA0 : 0x80;
                int high = lead == 0xED ? 0x9F : 0xBF;
                if (second < low || second > high || !isContinuation(in[i + 1])) {
                    return false;
                }
                out[written++] = (char) (((lead & 0x0F) << 12) | ((second & 0x3F) << 6) | (in[i + 1] & 0x3F));
                i += 2;
            } else if (lead < 0xF5) {
                if (i + 3 > limit) {
                    return false;
                }
                int second = in[i] & 0xFF;
                // F0 needs 90.. (not overlong); F4 stops at 8F (nothing above U+10FFFF)
                int low = lead == 0xF0 ? 0x90 : 0x80;
                int high = lead == 0xF4 ? 0x8F : 0xBF;
                if (second < low || second > high || !isContinuation(in[i + 1]) || !isContinuation(in[i + 2])) {
                    return false;
                }
                int codePoint = ((lead & 0x07) << 18)
                        | ((second & 0x3F) << 12)
                        | ((in[i + 1] & 0x3F) << 6)
                        | (in[i + 2] & 0x3F);
                i += 3;
                out[written++] = Character.highSurrogate(codePoint);
                out[written++] = Character.lowSurrogate(codePoint);
            } else {
                return false;
            }
        }
        rareIn = i;
        rareOut = written;
        return true;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** The digit's value, or -1 (still negative once shifted and or-ed into a code) if none. */
    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        int lower = b | 0x20;
        if (lower >= 'a' && lower <= 'f') {
            return lower - 'a' + DECIMAL_LETTER_BASE;
        }
        return -1;
    }
}
