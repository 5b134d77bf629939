package com.doubletime.gateway;

import io.vertx.core.MultiMap;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /api/opportunities} filters: {@code pairId}, {@code since} / {@code until} (ISO-8601 instants or
 * epoch milliseconds, on the event's own time: detection, or close), {@code minEdge} (dollars per contract;
 * only {@code opportunity} events carry an edge, so it leaves closes out).
 */
record OpportunityFilter(String pairId, long sinceNanos, long untilNanos, BigDecimal minEdge) {
    static OpportunityFilter from(MultiMap query) {
        String pair = query.get("pairId");
        BigDecimal minEdge = null;
        String rawEdge = query.get("minEdge");
        if (rawEdge != null) {
            try {
                minEdge = new BigDecimal(rawEdge.trim());
            } catch (NumberFormatException e) {
                throw new ApiErrors.BadRequest("minEdge", "minEdge must be a decimal number of dollars per contract");
            }
        }
        return new OpportunityFilter(
                pair == null || pair.isBlank() ? null : pair,
                time(query, "since", Long.MIN_VALUE),
                time(query, "until", Long.MAX_VALUE),
                minEdge);
    }

    boolean accepts(StreamedEvent event) {
        if (pairId != null && !pairId.equals(event.pairId())) {
            return false;
        }
        if (event.atNanos() < sinceNanos || event.atNanos() > untilNanos) {
            return false;
        }
        return minEdge == null
                || (event.edgePerContract() != null && event.edgePerContract().compareTo(minEdge) >= 0);
    }

    private static long time(MultiMap query, String name, long fallback) {
        String raw = query.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            Instant instant = raw.trim().chars().allMatch(Character::isDigit)
                    ? Instant.ofEpochMilli(Long.parseLong(raw.trim()))
                    : Instant.parse(raw.trim());
            return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new ApiErrors.BadRequest(
                    name, name + " must be an ISO-8601 instant (2026-11-25T08:00:00Z) or epoch milliseconds");
        }
    }
}
