package com.doubletime.simulator;

/** The Kalshi WebSocket error codes the simulator answers with (AsyncAPI numbering). */
enum KalshiWsError {
    UNABLE_TO_PROCESS(1, "Unable to process message"),
    PARAMS_REQUIRED(2, "Params required"),
    CHANNELS_REQUIRED(3, "Channels required"),
    SIDS_REQUIRED(4, "Subscription IDs required"),
    UNKNOWN_COMMAND(5, "Unknown command"),
    UNKNOWN_SID(7, "Unknown subscription ID"),
    UNKNOWN_CHANNEL(8, "Unknown channel name"),
    INVALID_PARAMETER(11, "Invalid parameter"),
    EXACTLY_ONE_SID(12, "Exactly one subscription ID is required"),
    UNSUPPORTED_ACTION(13, "Unsupported action"),
    TICKER_REQUIRED(14, "Market Ticker required"),
    ACTION_REQUIRED(15, "Action required"),
    /** Terminal: the subscription is gone (the client read too slowly). */
    BUFFER_OVERFLOW(25, "Subscription buffer overflow");

    private final int code;
    private final String message;

    KalshiWsError(int code, String message) {
        this.code = code;
        this.message = message;
    }

    int code() {
        return code;
    }

    String message() {
        return message;
    }

    /** Thrown while handling a command; answered with an error frame carrying the command's id. */
    static final class Rejected extends RuntimeException {
        private final KalshiWsError error;

        Rejected(KalshiWsError error) {
            super(error.message, null, false, false);
            this.error = error;
        }

        KalshiWsError error() {
            return error;
        }
    }

    Rejected rejected() {
        return new Rejected(this);
    }
}
