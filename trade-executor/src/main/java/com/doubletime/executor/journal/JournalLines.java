package com.doubletime.executor.journal;

import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.trade.JournalEntry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * Reads a journal line ({@link TradeJournalJson}'s format) back into its entry: Jackson parses the JSON, decimals
 * exactly; the format's own reader, in the domain, maps the fields.
 */
public final class JournalLines {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // two entries run together on one line (a lost line break) must not read as the first alone
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JournalLines() {}

    /**
     * Whether the line is JSON cut short: it ends before its value does (a write interrupted mid-line), as opposed to
     * JSON that is wrong where it stands.
     */
    public static boolean endsEarly(String line) {
        try {
            MAPPER.readTree(line);
            return false;
        } catch (JsonEOFException e) {
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** @throws IllegalArgumentException when the line is not a journal entry, naming what is wrong */
    @SuppressWarnings("unchecked")
    public static JournalEntry read(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return TradeJournalJson.read(MAPPER.convertValue(node, Map.class));
    }
}
