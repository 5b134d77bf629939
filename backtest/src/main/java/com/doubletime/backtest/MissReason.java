package com.doubletime.backtest;

import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import java.util.Locale;

/**
 * Why a window was not traded in full, in a trader's words, from the report the executor wrote. The executor's
 * reasons are sentences for people; this reads them once, here, so the report can count windows by cause.
 */
public enum MissReason {
    /** The orders arrived after the window closed (nothing filled), or the last look found it gone. */
    CLOSED_BEFORE_ARRIVAL("closed before arrival"),
    /** The orders arrived as the window was closing: some filled, the rest was gone. */
    PARTLY_GONE_AT_ARRIVAL("partly gone at arrival"),
    /** A risk limit or operator control: trades per minute, daily loss, exposure, notional, position, kill switch. */
    RISK_LIMIT("risk limit"),
    /** Not enough free cash on a venue (the capital rules). */
    CAPITAL("capital"),
    /** The size left is below Polymarket's minimum order size. */
    MIN_SIZE("min size"),
    /** A book was stale, without a snapshot, or too old to trade on. */
    BOOK_NOT_USABLE("book not usable"),
    /** A market was paused, closed or resolved. */
    MARKET_SUSPENDED("market suspended"),
    OTHER("other");

    private final String words;

    MissReason(String words) {
        this.words = words;
    }

    /** How the report and the summary name it. */
    public String words() {
        return words;
    }

    /** Its key in the summary's {@code missed} object: {@code closedBeforeArrival}, {@code riskLimit}, … */
    public String key() {
        StringBuilder key = new StringBuilder();
        for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
            key.append(key.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return key.toString();
    }

    /** Why the trade did not fill in full, or null when it did. */
    public static MissReason of(TradeReport report) {
        if (report.status() == TradeStatus.FILLED) {
            return null;
        }
        if (report.status() == TradeStatus.UNFILLED) {
            return CLOSED_BEFORE_ARRIVAL;
        }
        if (report.status() == TradeStatus.PARTIALLY_FILLED) {
            return PARTLY_GONE_AT_ARRIVAL;
        }
        return ofReason(report.reason());
    }

    /** A rejection's reason, read. */
    static MissReason ofReason(String reason) {
        String text = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (text.contains("free cash") || text.contains("capital") || text.contains("can no longer pay")) {
            return CAPITAL;
        }
        if (text.contains("minimum order size")) {
            return MIN_SIZE;
        }
        if (text.contains("(the opportunity closed)")) {
            return CLOSED_BEFORE_ARRIVAL;
        }
        if (text.contains("suspended")) {
            return MARKET_SUSPENDED;
        }
        if (text.contains(" book ")
                && (text.contains("stale") || text.contains("snapshot") || text.contains(" ms old"))) {
            return BOOK_NOT_USABLE;
        }
        for (String limit : RISK_WORDS) {
            if (text.contains(limit)) {
                return RISK_LIMIT;
            }
        }
        return OTHER;
    }

    private static final String[] RISK_WORDS = {
        "kill switch",
        "trading is paused",
        "trades per minute",
        "loss limit",
        "exposure",
        "max notional",
        "max position",
        "max quantity",
        "does not cover one contract",
        "annualized return",
        "annualised return"
    };
}
