package com.doubletime.domain.trade;

/** A value that cannot be used, naming the field to blame (API and config validation). */
public final class InvalidFieldException extends IllegalArgumentException {
    private final String field;

    public InvalidFieldException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
