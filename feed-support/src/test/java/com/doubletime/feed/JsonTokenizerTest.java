package com.doubletime.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.feed.JsonTokenizer.Token;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTokenizerTest {
    /** Frames in both venues' shapes plus JSON corner cases: escapes, unicode, nesting, every number form. */
    private static final List<String> CORPUS = List.of(
            "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2493,\"msg\":{\"market_ticker\":\"KXBENCH-26DEC-M026\","
                    + "\"price_dollars\":\"0.6700\",\"delta_fp\":\"-29.00\",\"side\":\"no\",\"ts_ms\":1764054000128}}",
            "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":\"KX-1\","
                    + "\"yes_dollars_fp\":[[\"0.6800\",\"204.00\"],[\"0.6900\",\"330.00\"]],\"no_dollars_fp\":[]}}",
            "{\"id\":1,\"type\":\"subscribed\",\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":1}}",
            "{\"id\":7,\"type\":\"error\",\"msg\":{\"code\":25,\"msg\":\"Subscription \\\"sid\\\" not found\\n\"}}",
            "[{\"event_type\":\"book\",\"asset_id\":\"1852296889355741401707\",\"market\":\"0x4647\",\"bids\":[{\"price\":\".48\","
                    + "\"size\":\"30\"}],\"asks\":[{\"price\":\"0.52\",\"size\":\"25.5\"}],\"timestamp\":\"123\",\"hash\":\"0xab\"}]",
            "{\"event_type\":\"price_change\",\"market\":\"0x4647\",\"price_changes\":[{\"asset_id\":\"185\",\"price\":\"0.45\","
                    + "\"size\":\"452\",\"side\":\"BUY\",\"hash\":\"de2b\",\"best_bid\":\"0.45\",\"best_ask\":null}],\"timestamp\":\"1764\"}",
            " \t\r\n{ \"a\" : [ 1 , -0 , 0.5 , -12.25e+3 , 4E-2 , 1e9 , true , false , null ] , \"b\" : { } , \"c\" : [ ] } \n",
            "{\"unicode\":\"caf\\u00e9 \\ud83d\\ude00 \u00e9\u4e2d\",\"escapes\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\",\"\":\"\"}",
            "[[[[{\"deep\":[[[]]]}]]]]",
            "\"just a string\"",
            "-9223372036854775808",
            "{\"x\":9223372036854775807,\"y\":-1.0E+2,\"z\":0e0}");

    private static final JsonFactory JACKSON = new JsonFactory();
    private final JsonTokenizer tokenizer = new JsonTokenizer();

    @Test
    void walksEveryValidFrameTokenForTokenLikeJackson() throws Exception {
        for (String frame : CORPUS) {
            Walk jackson = jackson(frame);
            Walk ours = ours(frame);
            assertTrue(jackson.valid, () -> "Jackson rejects " + frame + ": " + jackson.error);
            assertTrue(ours.valid, () -> "rejects " + frame + ": " + ours.error);
            assertEquals(jackson.tokens, ours.tokens, frame);
        }
    }

    @Test
    void acceptsAndRejectsCorruptedFramesExactlyAsJacksonDoes() throws Exception {
        Random random = new Random(20261125);
        String alphabet = "{}[]\":,\\ \t\n0123456789-+.eEtrufalsn/u'x\u0001\u00e9";
        int disagreements = 0;
        StringBuilder report = new StringBuilder();
        for (int round = 0; round < 40_000; round++) {
            StringBuilder frame = new StringBuilder(CORPUS.get(random.nextInt(CORPUS.size())));
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits && frame.length() > 0; e++) {
                int at = random.nextInt(frame.length());
                switch (random.nextInt(4)) {
                    case 0 -> frame.deleteCharAt(at);
                    case 1 -> frame.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 2 -> frame.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> frame.setLength(at);
                }
            }
            String text = frame.toString();
            Walk jackson = jackson(text);
            Walk ours = ours(text);
            if (!agree(jackson, ours)) {
                disagreements++;
                if (report.length() < 4000) {
                    report.append("\n")
                            .append(text)
                            .append("\n  jackson ")
                            .append(jackson)
                            .append("\n  ours    ")
                            .append(ours);
                }
            }
        }
        assertEquals(0, disagreements, report::toString);
    }

    @Test
    void stringsWithoutEscapesAreSlicesOfTheFrameAndNamesAreCanonical() throws Exception {
        char[] frame = "{\"side\":\"yes\"}".toCharArray();
        tokenizer.reset(frame, 0, frame.length);
        assertEquals(Token.START_OBJECT, tokenizer.next());
        assertEquals(Token.FIELD_NAME, tokenizer.next());
        String name = tokenizer.currentName();
        assertEquals(Token.STRING, tokenizer.next());
        assertSame(frame, tokenizer.textChars());
        assertEquals("yes", tokenizer.text());
        tokenizer.reset(frame, 0, frame.length);
        tokenizer.next();
        tokenizer.next();
        assertSame(name, tokenizer.currentName());
    }

    @Test
    void namesExpectedFromTheLastFrameAreStillReadExactlyWhenTheShapeChanges() throws Exception {
        String[] frames = {
            "{\"type\":\"a\",\"sid\":1}",
            "{\"type\":\"a\",\"sid\":1}",
            "{\"typ\":\"a\",\"sidx\":1}",
            "{\"types\":\"a\",\"s\\u0069d\":1}",
            "{\"type\":\"a\",\"sid\":1}",
            "{\"type\"  :\"a\",\"si\\\"d\":1}",
            "{\"sid\":1,\"type\":\"a\"}",
            "{\"type\":\"a\",\"sid\":1}"
        };
        for (String frame : frames) {
            Walk jackson = jackson(frame);
            assertTrue(jackson.valid, frame);
            assertEquals(jackson.tokens, ours(frame).tokens, frame);
        }
        tokenizer.reset("{\"type\":1}");
        tokenizer.next();
        tokenizer.next();
        String first = tokenizer.currentName();
        tokenizer.reset("{\"type\":1}");
        tokenizer.next();
        tokenizer.next();
        assertSame(first, tokenizer.currentName());
    }

    @Test
    void aNameMatchingTheExpectedOneUpToTheEndOfTheFrameIsMalformed() {
        assertThrows(MalformedFrameException.class, () -> {
            tokenizer.reset("{\"type\":1}");
            while (tokenizer.next() != null) {
                // walk it
            }
            char[] truncated = "{\"type".toCharArray();
            tokenizer.reset(truncated, 0, truncated.length);
            tokenizer.next();
            tokenizer.next();
        });
    }

    @Test
    void readsASliceOfALargerBufferAndIgnoresWhatLiesOutsideIt() throws Exception {
        char[] buffer = "xx{\"a\":1}yy".toCharArray();
        tokenizer.reset(buffer, 2, 7);
        assertEquals(Token.START_OBJECT, tokenizer.next());
        assertEquals(Token.FIELD_NAME, tokenizer.next());
        assertEquals(Token.NUMBER_INT, tokenizer.next());
        assertEquals(1, tokenizer.longValue());
        assertEquals(Token.END_OBJECT, tokenizer.next());
        assertNull(tokenizer.next());
    }

    @Test
    void skipChildrenSkipsTheWholeContainerAndStillRejectsBrokenContent() throws Exception {
        tokenizer.reset("{\"skip\":{\"a\":[1,{\"b\":null}]},\"keep\":2}");
        tokenizer.next();
        tokenizer.next();
        assertEquals(Token.START_OBJECT, tokenizer.next());
        tokenizer.skipChildren();
        assertEquals(Token.END_OBJECT, tokenizer.currentToken());
        assertEquals(Token.FIELD_NAME, tokenizer.next());
        assertEquals("keep", tokenizer.currentName());

        tokenizer.reset("{\"skip\":{\"a\":[1,,2]},\"keep\":2}");
        tokenizer.next();
        tokenizer.next();
        tokenizer.next();
        assertThrows(MalformedFrameException.class, tokenizer::skipChildren);
    }

    @Test
    void integersBeyondALongAreMalformedNotWrapped() throws Exception {
        tokenizer.reset("9223372036854775808");
        assertEquals(Token.NUMBER_INT, tokenizer.next());
        assertThrows(MalformedFrameException.class, tokenizer::longValue);
        tokenizer.reset("-9223372036854775809");
        tokenizer.next();
        assertThrows(MalformedFrameException.class, tokenizer::longValue);
    }

    @Test
    void nestingBeyondTheBoundIsMalformedNotAStackOverflow() {
        String deep = "[".repeat(JsonTokenizer.MAX_DEPTH + 1) + "]".repeat(JsonTokenizer.MAX_DEPTH + 1);
        assertThrows(MalformedFrameException.class, () -> ours(deep).rethrow());
    }

    private static boolean agree(Walk jackson, Walk ours) {
        if (jackson.valid != ours.valid) {
            return false;
        }
        if (jackson.valid) {
            return jackson.tokens.equals(ours.tokens);
        }
        // Jackson reads a field's ':' and the start of its value with the name, so it may fail one token earlier.
        List<String> shorter = jackson.tokens.size() <= ours.tokens.size() ? jackson.tokens : ours.tokens;
        List<String> longer = shorter == jackson.tokens ? ours.tokens : jackson.tokens;
        return longer.size() - shorter.size() <= 1
                && longer.subList(0, shorter.size()).equals(shorter);
    }

    private Walk ours(String frame) {
        Walk walk = new Walk();
        char[] padded = ("~" + frame + "~").toCharArray();
        tokenizer.reset(padded, 1, frame.length());
        try {
            Token token;
            while ((token = tokenizer.next()) != null) {
                walk.tokens.add(describe(
                        token.name(),
                        token == Token.FIELD_NAME
                                ? tokenizer.currentName()
                                : hasText(token) ? tokenizer.text() : null));
            }
            walk.valid = true;
        } catch (MalformedFrameException e) {
            walk.error = e;
        }
        return walk;
    }

    private static boolean hasText(Token token) {
        return token == Token.STRING || token == Token.NUMBER_INT || token == Token.NUMBER_FLOAT;
    }

    /** Jackson as our frame parsers used it: one root value, then nothing but whitespace. */
    private static Walk jackson(String frame) {
        Walk walk = new Walk();
        try (JsonParser parser = JACKSON.createParser(frame)) {
            int depth = 0;
            boolean rootDone = false;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (rootDone) {
                    throw new MalformedFrameException(MalformedReason.SYNTAX, "trailing content");
                }
                String name = switch (token) {
                    case START_OBJECT -> "START_OBJECT";
                    case END_OBJECT -> "END_OBJECT";
                    case START_ARRAY -> "START_ARRAY";
                    case END_ARRAY -> "END_ARRAY";
                    case FIELD_NAME -> "FIELD_NAME";
                    case VALUE_STRING -> "STRING";
                    case VALUE_NUMBER_INT -> "NUMBER_INT";
                    case VALUE_NUMBER_FLOAT -> "NUMBER_FLOAT";
                    case VALUE_TRUE -> "TRUE";
                    case VALUE_FALSE -> "FALSE";
                    case VALUE_NULL -> "NULL";
                    default -> throw new IllegalStateException(token.toString());
                };
                boolean text = token == JsonToken.FIELD_NAME
                        || token == JsonToken.VALUE_STRING
                        || token == JsonToken.VALUE_NUMBER_INT
                        || token == JsonToken.VALUE_NUMBER_FLOAT;
                walk.tokens.add(describe(name, text ? parser.getText() : null));
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
                rootDone = depth == 0;
            }
            if (walk.tokens.isEmpty()) {
                throw new MalformedFrameException(MalformedReason.SYNTAX, "no JSON value");
            }
            walk.valid = true;
        } catch (Exception e) {
            walk.error = e;
        }
        return walk;
    }

    private static String describe(String token, String text) {
        return text == null ? token : token + ":" + text;
    }

    private static final class Walk {
        final List<String> tokens = new ArrayList<>();
        boolean valid;
        Exception error;

        void rethrow() throws Exception {
            if (error != null) {
                throw error;
            }
        }

        @Override
        public String toString() {
            return (valid ? "valid " : "invalid (" + error.getMessage() + ") ") + tokens;
        }
    }
}
