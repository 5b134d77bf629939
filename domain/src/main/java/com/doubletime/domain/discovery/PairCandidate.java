package com.doubletime.domain.discovery;

import com.doubletime.domain.Polarity;
import java.util.List;

/**
 * A proposed pair: a Kalshi market and a Polymarket market that look like the same question. Nothing trades
 * on it until a human adds the pair; {@code reasons} say what the score rests on, so that human can check.
 *
 * @param score 0 to 1: title similarity, date agreement and threshold agreement, weighted
 * @param polarity the guess: {@code INVERSE} when one title asks the opposite direction (above / below)
 */
public record PairCandidate(
        MarketListing kalshi, MarketListing polymarket, double score, Polarity polarity, List<String> reasons) {
    public PairCandidate {
        reasons = List.copyOf(reasons);
    }
}
