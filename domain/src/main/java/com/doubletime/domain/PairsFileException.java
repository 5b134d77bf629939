package com.doubletime.domain;

/** A pairs file that cannot be used; the message names the pair and the field. */
public final class PairsFileException extends RuntimeException {
    private final String pairId;
    private final String field;

    public PairsFileException(String pairId, String field, String problem) {
        super((pairId == null ? "pairs file" : "pair '" + pairId + "'")
                + (field == null ? "" : ", field '" + field + "'") + ": " + problem);
        this.pairId = pairId;
        this.field = field;
    }

    public String pairId() {
        return pairId;
    }

    public String field() {
        return field;
    }
}
