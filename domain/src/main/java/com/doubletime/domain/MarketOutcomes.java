package com.doubletime.domain;

/**
 * The YES and NO books of one market on one platform, seen as what one can buy.
 *
 * <p>Kalshi publishes bids only and is held as one book in YES terms, so its YES asks are that book's
 * asks (its NO bids at 1 − p) and its NO asks are its YES bids mirrored to 1 − p. Polymarket has one
 * book per outcome token and both outcomes' asks are real.
 */
public final class MarketOutcomes {
    private final Orderbook yes;
    private final Orderbook no;
    private final AskLadder yesAsks;
    private final AskLadder noAsks;

    private MarketOutcomes(Orderbook yes, Orderbook no, AskLadder yesAsks, AskLadder noAsks) {
        this.yes = yes;
        this.no = no;
        this.yesAsks = yesAsks;
        this.noAsks = noAsks;
    }

    public static MarketOutcomes kalshi(Orderbook yesTermsBook) {
        return new MarketOutcomes(
                yesTermsBook, yesTermsBook, yesTermsBook.asks(), new MirroredLadder(yesTermsBook.bids()));
    }

    public static MarketOutcomes polymarket(Orderbook yesToken, Orderbook noToken) {
        return new MarketOutcomes(yesToken, noToken, yesToken.asks(), noToken.asks());
    }

    public AskLadder asks(Outcome outcome) {
        return outcome == Outcome.YES ? yesAsks : noAsks;
    }

    public Orderbook book(Outcome outcome) {
        return outcome == Outcome.YES ? yes : no;
    }

    public boolean isFresh() {
        return yes.isFresh() && no.isFresh();
    }

    public long updatedAtNanos() {
        return Math.max(yes.updatedAtNanos(), no.updatedAtNanos());
    }
}
