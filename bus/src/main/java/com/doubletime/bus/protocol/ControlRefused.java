package com.doubletime.bus.protocol;

/**
 * The executor's answer to a {@link ControlCommand} it did not apply, as the HTTP API passes it on.
 *
 * @param status 400 when the command is wrong (then {@code field} names what), 409 when the executor's state does
 *               not allow it (a damaged journal not yet acknowledged), 500 when the journal could not record it, 503
 *               when the journal is unavailable (nothing was changed)
 * @param field the field to blame, or null
 */
public record ControlRefused(int status, String error, String field) {
    public static final int INVALID = 400;
    public static final int CONFLICT = 409;
    public static final int NOT_RECORDED = 500;
    public static final int JOURNAL_UNAVAILABLE = 503;
}
